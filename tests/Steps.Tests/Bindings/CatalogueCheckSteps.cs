using Reqnroll;

namespace ChaosFeatures.Steps.Tests.Bindings;

/// <summary>Test-only: a first step that fails, so the steps after it are matched but never run (a dry run of the examples).</summary>
[Binding]
public sealed class CatalogueCheckSteps
{
    public const string Stop = "the catalogue check stops here";

    [Given(Stop)]
    public void StopHere() => throw new InvalidOperationException("dry run: the following steps are only matched");
}
