namespace ChaosFeatures.Gherkin;

/// <summary>Where the running scenario stands, as in Reqnroll.</summary>
public enum ScenarioExecutionStatus
{
    OK,
    StepDefinitionPending,
    UndefinedStep,
    BindingError,
    TestError,
    Skipped,
}
