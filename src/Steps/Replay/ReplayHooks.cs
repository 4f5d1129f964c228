using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Harness.Replay;
using ChaosFeatures.Steps.Bindings;
using ChaosFeatures.Steps.Run;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;

namespace ChaosFeatures.Steps.Replay;

/// <summary>
/// After the chaos end-of-scenario checks: a failed case gets its replay descriptor (and the two lines
/// naming it and the freeze command in its failure message); a replayed case whose decision hash differs
/// from its <c>@decisions:</c> tag gets a <c>replay_drift</c> event. Last, a case whose steps passed but
/// whose end found orphans or leaks fails here.
/// </summary>
[Binding]
public sealed class ReplayHooks(ChaosScenario chaos)
{
    public const int Order = ChaosHooks.EndOrder + 1;

    [AfterScenario(Order = Order)]
    public void RecordReplay()
    {
        if (!chaos.Used) return;
        if (ReplayDrift.Check(chaos.TestCase.Tags, chaos.Timeline.DecisionHash(), chaos.Timeline) is { } drift)
            chaos.Report(drift);
        if (chaos.Failure is not { } failure) return;

        // The step the case failed (or hung) in; a failure found after the steps (an invariant, a leak) or in a
        // BeforeScenario hook has none.
        var results = ChaosRun.Current.Results;
        var path = ReplayDescriptorWriter.Write(ReplayDescriptorFactory.Create(failure, chaos.Run?.FailingStep, results), results);
        chaos.Report(ReplayDescriptorWriter.MessageLines(path, chaos.TestCase.Feature.SuiteRoot ?? ChaosRun.Current.Settings.SuiteRoot));
        if (failure.EndProblems.Count > 0)
            throw new ChaosAssertionException("after the scenario: " + string.Join("; ", failure.EndProblems));
    }
}
