namespace ChaosFeatures.Gherkin.Model;

/// <summary>
/// How long the end of a scenario may take. The bridge gives a case's AfterScenario hooks <see cref="AfterHookTimeout"/>
/// once its steps were cut; the step library ends a scenario's chaos (tasks, clients, servers, proxies, peers, the leak
/// check) within <see cref="ScenarioBudget"/>, strictly less, so the hooks after it (the replay descriptor, reports)
/// still run and a hung peer is reported by the end hook rather than by the bridge abandoning the runner.
/// </summary>
public static class TeardownLimits
{
    /// <summary>The bridge's bound for a cut case's AfterScenario hooks (and its runner's AfterFeature hooks).</summary>
    public static readonly TimeSpan AfterHookTimeout = TimeSpan.FromSeconds(10);

    /// <summary>One scenario's whole teardown; the 2 s left of <see cref="AfterHookTimeout"/> are for the hooks after it.</summary>
    public static readonly TimeSpan ScenarioBudget = TimeSpan.FromSeconds(8);
}
