namespace ChaosFeatures.Gherkin.Execution;

/// <summary>How test cases are run. Values are validated here, where they enter.</summary>
public sealed record ExecutionSettings
{
    /// <summary>Upper bound for <see cref="AfterHookTimeout"/>: cleanup must never hold a run hostage.</summary>
    public static readonly TimeSpan MaxAfterHookTimeout = TimeSpan.FromMinutes(2);

    private readonly TimeSpan _scenarioTimeout = TimeSpan.FromSeconds(60);
    private readonly TimeSpan _afterHookTimeout = TimeSpan.FromSeconds(10);

    public MissingOrPendingStepsOutcome MissingOrPendingStepsOutcome { get; init; } = MissingOrPendingStepsOutcome.Error;

    /// <summary>After a failure, skip the remaining steps without even matching them (no snippets for later undefined steps).</summary>
    public bool StopAtFirstError { get; init; }

    /// <summary>Watchdog bound for before-hooks plus steps of one case (also for BeforeTestRun/BeforeFeature).</summary>
    public TimeSpan ScenarioTimeout
    {
        get => _scenarioTimeout;
        init => _scenarioTimeout = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ScenarioTimeout), value, "ScenarioTimeout must be positive.");
    }

    /// <summary>Bound for the after-phase of a case (AfterScenario hooks and disposal) and for AfterFeature/AfterTestRun.</summary>
    public TimeSpan AfterHookTimeout
    {
        get => _afterHookTimeout;
        init => _afterHookTimeout = value > TimeSpan.Zero && value <= MaxAfterHookTimeout
            ? value
            : throw new ArgumentOutOfRangeException(nameof(AfterHookTimeout), value, $"AfterHookTimeout must be in (0, {MaxAfterHookTimeout}].");
    }

    /// <summary>
    /// Turns run-time skips (<see cref="ScenarioContext.Skip"/>) into failures. Defaults to the
    /// environment variable <c>CHAOS_STRICT=1</c> so CI can demand that nothing is silently skipped.
    /// </summary>
    public bool StrictSkips { get; init; } = Environment.GetEnvironmentVariable("CHAOS_STRICT") == "1";
}
