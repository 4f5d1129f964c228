namespace ChaosFeatures.Gherkin.Execution;

/// <summary>The outcome of one test case.</summary>
/// <param name="Message">For failures: the failing step (keyword, text, line), the error, then the failure details.</param>
/// <param name="SkipReason">Why the case was skipped (ignore tag, run-time skip, pending/undefined outcome).</param>
/// <param name="Steps">Test steps in run order: BeforeScenario hooks, steps, AfterScenario hooks.</param>
/// <param name="Output">Lines written through <see cref="IReqnrollOutputHelper"/>.</param>
public sealed record TestCaseResult(
    TestCaseStatus Status,
    string? Message,
    string? StackTrace,
    string? SkipReason,
    TimeSpan Duration,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<string> Output);
