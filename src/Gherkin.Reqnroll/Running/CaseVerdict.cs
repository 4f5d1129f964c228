using ChaosFeatures.Gherkin.Model;
using System.Text;
using ChaosFeatures.Gherkin.Reqnroll;

namespace ChaosFeatures.Gherkin.Running;

/// <summary>
/// The one place that turns what happened into passed, failed or skipped. Any problem fails the case: a
/// setup error (BeforeTestRun, BeforeFeature), the watchdog's cut, the scenario's error, an AfterScenario
/// failure. Otherwise a run-time skip or <c>@ignore</c> skips it. A failure message lists the problems, then
/// what bindings added with <see cref="CaseRun.AddFailureDetail"/> (the chaos timeline, the replay descriptor).
/// </summary>
internal static class CaseVerdict
{
    /// <param name="body">What the body found; null when it was abandoned.</param>
    /// <param name="afterPhase">Problems of an after-phase the watchdog ran or gave up on.</param>
    public static CaseResult Decide(CaseRun caseRun, BodyOutcome? body, IReadOnlyList<string> afterPhase, TimeSpan duration)
    {
        var error = body?.ScenarioError;
        var problems = new List<string>();
        if (body?.SetupError is { } setup)
            problems.Add(setup);
        if (caseRun.TimeoutMessage is { } timeout)
            problems.Add(timeout);
        // A cut step usually ends with the cancellation it was sent; the timeout already says why.
        if (error is not (null or CaseSkippedException) && !(caseRun.TimedOut && error is OperationCanceledException))
            problems.Add(body!.ScenarioErrorText!);
        problems.AddRange(afterPhase);
        if (body?.AfterError is { } after)
            problems.Add(after);

        var output = caseRun.Output();
        if (problems.Count == 0)
        {
            var skip = body?.IgnoreReason ?? (error as CaseSkippedException)?.Message;
            return new CaseResult(skip is null ? CaseStatus.Passed : CaseStatus.Skipped, null, null, null, skip, duration, output);
        }
        var message = new StringBuilder().AppendJoin(Environment.NewLine + Environment.NewLine, problems);
        foreach (var detail in caseRun.FailureDetails())
            message.AppendLine().AppendLine().Append(detail);
        var errorType = error?.GetType().FullName ?? (caseRun.TimedOut ? typeof(TimeoutException).FullName! : "ChaosFeatures.ScenarioFailure");
        return new CaseResult(CaseStatus.Failed, message.ToString(), errorType, error?.StackTrace, null, duration, output);
    }
}
