using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Harness.Leaks;
using ChaosFeatures.Steps.Run;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

/// <summary>
/// The run's and each chaos scenario's bookends: the environment is validated once before the first
/// case (a bad CHAOS_* value fails every case with one line naming it), and after every @io scenario,
/// or any scenario that used a chaos step, tasks and peers are ended and checked for leaks.
/// </summary>
[Binding]
public sealed class ChaosHooks(ChaosScenario chaos, ScenarioContext context)
{
    /// <summary>
    /// Late among AfterScenario hooks, so failures of earlier hooks count. Hooks ordered after it read
    /// <see cref="ChaosScenario.Failure"/>; the last of them, <see cref="Replay.ReplayHooks"/>, fails the case
    /// when the end found leaks (Reqnroll runs no AfterScenario hook after one that fails).
    /// </summary>
    public const int EndOrder = 50_000;

    public const string IoTag = "io";

    [BeforeTestRun]
    public static void ValidateEnvironment() => ChaosRun.Configure(ChaosRunSettings.FromEnvironment());

    /// <summary>
    /// A faulted task a passing case dropped surfaces only at a garbage collection, which each case's end does not
    /// force (it costs more than a trivial scenario): the run's end forces one and fails the run naming what no case reported.
    /// </summary>
    [AfterTestRun]
    public static void ReportUnobservedExceptions()
    {
        if (UnobservedTaskExceptions.CollectUnreported() is [var unreported, ..])
            throw new ChaosAssertionException($"after the test run: {unreported} that no case's end saw (the run's end collects garbage; a case's end does so only when it failed)");
    }

    [AfterScenario(Order = EndOrder)]
    public async Task EndScenarioAsync()
    {
        if (!chaos.Used && !context.ScenarioInfo.CombinedTags.Contains(IoTag)) return;
        var skipped = context.ScenarioExecutionStatus == ScenarioExecutionStatus.Skipped;
        var timedOut = chaos.Run?.TimeoutMessage is { } timeout ? new TimeoutException(timeout) : null;
        var error = timedOut ?? (skipped ? null : context.TestError);
        var problems = await chaos.EndAsync(abort: context.ScenarioExecutionStatus != ScenarioExecutionStatus.OK || timedOut is not null);
        if (error is null && problems.Count == 0) return;

        error ??= new ChaosAssertionException("after the scenario: " + string.Join("; ", problems));
        var timeline = chaos.Timeline.Render();
        chaos.Report(timeline);
        chaos.Failure = new ChaosFailure(chaos.TestCase, chaos.Seeds, chaos.Timeline.DecisionHash(), error.GetType().Name, error.Message, problems, timeline);
    }
}
