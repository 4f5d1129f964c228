namespace ChaosFeatures.Gherkin;

/// <summary>
/// Thrown by <see cref="ScenarioContext.Skip"/>: the scenario cannot run here (e.g. a required tool
/// is missing). The case is reported Skipped with the reason, or Failed in strict mode.
/// </summary>
public sealed class ScenarioSkippedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
