namespace ChaosFeatures.Steps.Catalogue;

/// <summary>
/// One step line as a feature would write it (keyword included), shown in docs/steps.md and
/// checked by a test to match the definition it sits on.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StepExampleAttribute(string example) : Attribute
{
    public string Example { get; } = example;
}
