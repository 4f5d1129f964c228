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

    private int _passedSteps;

    // The runtime does not say which step failed; steps run in order and stop at the first failure,
    // so the number of steps that finished cleanly points at it.
    [AfterStep]
    public void CountPassedStep()
    {
        if (context.TestError is null) _passedSteps++;
    }

    [AfterScenario(Order = Order)]
    public void RecordReplay()
    {
        if (!chaos.Used) return;
        if (ReplayDrift.Check(chaos.TestCase.Tags, chaos.Timeline.DecisionHash(), chaos.Timeline) is { } drift)
            context.AddFailureDetail(drift);
        if (chaos.Failure is not { } failure) return;

        var steps = chaos.TestCase.Steps;
        CaseStep? failingStep = _passedSteps < steps.Count ? steps[_passedSteps] : null;
        var results = ChaosRun.Current.Results;
        var path = ReplayDescriptorWriter.Write(ReplayDescriptorFactory.Create(failure, failingStep, results), results);
        context.AddFailureDetail(ReplayDescriptorWriter.MessageLines(path));
    }
}
