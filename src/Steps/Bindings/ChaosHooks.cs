using ChaosFeatures.Gherkin;
using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Steps.Run;
using ChaosFeatures.Steps.Scenario;

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
    /// <see cref="ChaosScenario.Failure"/> (the replay descriptor writer does).
    /// </summary>
    public const int EndOrder = 50_000;

    public const string IoTag = "io";

    [BeforeTestRun]
    public static void ValidateEnvironment() => ChaosRun.Configure(ChaosRunSettings.FromEnvironment());

    [AfterScenario(Order = EndOrder)]
    public async Task EndScenarioAsync()
    {
        if (!chaos.Used && !context.ScenarioInfo.CombinedTags.Contains(IoTag)) return;
        var stepsFailed = context.TestError is not null;
        var problems = await chaos.EndAsync(abort: stepsFailed);
        if (!stepsFailed && problems.Count == 0) return;

        var error = context.TestError ?? new ChaosAssertionException("after the scenario: " + string.Join("; ", problems));
        var timeline = chaos.Timeline.Render();
        context.AddFailureDetail(timeline);
        chaos.Failure = new ChaosFailure(chaos.TestCase, chaos.Seeds, chaos.Timeline.DecisionHash(), error.GetType().Name, error.Message, problems, timeline);
        if (problems.Count > 0) throw error;
    }
}
