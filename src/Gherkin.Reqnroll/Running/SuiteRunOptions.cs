using System.Reflection;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Sharding;
using ChaosFeatures.Gherkin.Suite;

namespace ChaosFeatures.Gherkin.Running;

/// <summary>How a <see cref="SuiteRun"/> drives Reqnroll.</summary>
/// <param name="TestAssembly">Reqnroll's test assembly: its bindings plus those <c>bindingAssemblies</c> in the suite's reqnroll.json names.</param>
/// <param name="Suite">The expanded features; reqnroll.json and reports are under its root.</param>
public sealed record SuiteRunOptions(Assembly TestAssembly, FeatureSuite Suite)
{
    /// <summary>The cases this run will execute, in order: the pickles of the Cucumber messages. Null: every case of the suite.</summary>
    public IReadOnlyList<TestCase>? Planned { get; init; }

    /// <summary>The part of the suite this run covers (<c>CHAOS_SHARD</c>): its reports list only that part's cases and feature errors.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>The watchdog: steps running longer fail the case, naming the step.</summary>
    public TimeSpan ScenarioTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a cut case gets to stop by itself (its token is cancelled) before its runner is abandoned.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Bound for the after-scenario hooks of a cut or abandoned case and the after-feature hooks of its runner; the step
    /// library's teardown budget (<see cref="TeardownLimits.ScenarioBudget"/>) is strictly less, so a lower value here cuts its teardown short.
    /// </summary>
    public TimeSpan AfterHookTimeout { get; init; } = TeardownLimits.AfterHookTimeout;

    /// <summary>False for runs that must leave the suite's reports alone (freeze).</summary>
    public bool Formatters { get; init; } = true;
}
