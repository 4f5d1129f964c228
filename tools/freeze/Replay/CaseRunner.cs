using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Suite;

namespace ChaosFeatures.Freeze.Replay;

/// <summary>
/// Runs cases in this process on Reqnroll with the suite's bindings (reqnroll.json's <c>bindingAssemblies</c>),
/// through the same driver as the xUnit bridge; one test run for all of them, and the suite's reports left alone.
/// </summary>
internal sealed class CaseRunner(SuiteRun run) : IAsyncDisposable
{
    public int Runs { get; private set; }

    /// <summary>The run writes no reports, so it needs the suite only for its root (reqnroll.json): its features are given per case.</summary>
    public static async Task<CaseRunner> StartAsync(SuiteHome suite) =>
        new(await SuiteRun.StartAsync(new SuiteRunOptions(typeof(CaseRunner).Assembly, FeatureSuite.Load(suite.Root, [], ExpansionOptions.Default))
        {
            Formatters = false,
            ScenarioTimeout = TimeSpan.FromSeconds(suite.Configuration.Chaos.ScenarioTimeoutSeconds),
        }));

    public async Task<ReplayOutcome> RunAsync(TestCase testCase, CancellationToken ct)
    {
        Runs++;
        return ReplayOutcome.From(await run.RunAsync(testCase, 0, ct));
    }

    public ValueTask DisposeAsync() => run.DisposeAsync();
}
