namespace ChaosFeatures.Gherkin;

/// <summary>State of the running scenario; one per test case, injectable into bindings.</summary>
public sealed class ScenarioContext : ReqnrollContext
{
    private readonly List<string> _failureDetails = [];

    internal ScenarioContext(ScenarioInfo scenarioInfo, CancellationToken scenarioCancellationToken)
    {
        ScenarioInfo = scenarioInfo;
        ScenarioCancellationToken = scenarioCancellationToken;
    }

    public ScenarioInfo ScenarioInfo { get; }

    public ScenarioExecutionStatus ScenarioExecutionStatus { get; internal set; }

    /// <summary>The first error of the scenario, or null while it goes well.</summary>
    public Exception? TestError { get; internal set; }

    /// <summary>
    /// The step running now, or after the steps the last one that ran: in an AfterScenario hook of a
    /// failed case whose <see cref="ScenarioStepContext.Status"/> is not OK, the step that failed.
    /// Null before the first step (and when a BeforeScenario hook stopped the case).
    /// </summary>
    public ScenarioStepContext? StepContext { get; internal set; }

    /// <summary>Cancelled when the watchdog cuts the scenario at its timeout.</summary>
    public CancellationToken ScenarioCancellationToken { get; }

    /// <summary>Stops the scenario here and reports it skipped with <paramref name="reason"/>.</summary>
    public void Skip(string reason) => throw new ScenarioSkippedException(reason);

    /// <summary>Marks the current step pending.</summary>
    public void Pending() => throw new PendingStepException();

    /// <summary>
    /// Adds text to the failure message if the case fails (e.g. the chaos event timeline, from an
    /// AfterScenario hook). Ignored when the case passes.
    /// </summary>
    public void AddFailureDetail(string detail)
    {
        lock (_failureDetails)
            _failureDetails.Add(detail);
    }

    internal IReadOnlyList<string> FailureDetails()
    {
        lock (_failureDetails)
            return [.. _failureDetails];
    }
}
