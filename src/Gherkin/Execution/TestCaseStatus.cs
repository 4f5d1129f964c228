namespace ChaosFeatures.Gherkin.Execution;

public enum TestCaseStatus
{
    Passed,
    Failed,
    Skipped,
}
