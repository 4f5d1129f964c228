namespace ChaosFeatures.Gherkin.Running;

/// <summary>What a case's body found. Read only once the body finished: an abandoned body's later writes are ignored.</summary>
internal sealed class BodyOutcome
{
    /// <summary>The case could not start: BeforeTestRun or BeforeFeature failed, or Reqnroll itself did.</summary>
    public string? SetupError { get; set; }

    /// <summary>What <c>CollectScenarioErrorsAsync</c> threw (a step's or BeforeScenario hook's error, undefined, pending, a skip).</summary>
    public Exception? ScenarioError { get; set; }

    public string? ScenarioErrorText { get; set; }

    public string? AfterError { get; set; }

    public string? IgnoreReason { get; set; }
}
