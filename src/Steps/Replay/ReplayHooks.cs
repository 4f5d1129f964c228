using ChaosFeatures.Gherkin;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Harness.Replay;
using ChaosFeatures.Steps.Bindings;
using ChaosFeatures.Steps.Run;
using ChaosFeatures.Steps.Scenario;

namespace ChaosFeatures.Steps.Replay;

/// <summary>
/// After the chaos end-of-scenario checks: a failed case gets its replay descriptor (and the two
/// lines naming it and the freeze command in its failure message); a replayed case whose decision
/// hash differs from its <c>@decisions:</c> tag gets a <c>replay_drift</c> event.
/// </summary>
[Binding]
public sealed class ReplayHooks(ChaosScenario chaos, ScenarioContext context)
{
    public const int Order = ChaosHooks.EndOrder + 1;

    [AfterScenario(Order = Order)]
    public void RecordReplay()
    {
        if (!chaos.Used) return;
        if (ReplayDrift.Check(chaos.TestCase.Tags, chaos.Timeline.DecisionHash(), chaos.Timeline) is { } drift)
            context.AddFailureDetail(drift);
        if (chaos.Failure is not { } failure) return;

        // The last step that ran, if it did not pass, is where the case failed; a failure found after
        // the steps (an invariant, a leak) or in a BeforeScenario hook has no failing step.
        CaseStep? failingStep = context.StepContext is { Status: not ScenarioExecutionStatus.OK } step ? step.StepInfo.Step : null;
        var results = ChaosRun.Current.Results;
        var path = ReplayDescriptorWriter.Write(ReplayDescriptorFactory.Create(failure, failingStep, results), results);
        context.AddFailureDetail(ReplayDescriptorWriter.MessageLines(path));
    }
}
