namespace ChaosFeatures.Gherkin.Execution;

/// <summary>Per-step outcome, named as in Cucumber Messages.</summary>
public enum StepStatus
{
    Passed,
    Failed,
    Skipped,
    Undefined,
    Pending,
    Ambiguous,
}
