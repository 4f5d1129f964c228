using ChaosFeatures.Steps.Arguments;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

/// <summary>The <c>{payload}</c> parameter of the evil-client steps: <c>"text\r\n"</c> or <c>a 100-byte frame</c>.</summary>
[Binding]
public sealed class PayloadTransformation
{
    public const string Name = "payload";

    [StepArgumentTransformation(Payload.Pattern, Name = Name)]
    public Payload ToPayload(string written) => Payload.Parse(written);
}
