using ChaosFeatures.Freeze.Cli;
using ChaosFeatures.Freeze.Suite;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Freeze.Replay;

/// <summary>Runs cases in this process through the Gherkin runtime with the suite's bindings; one test run for all of them.</summary>
internal sealed class CaseRunner(TestRun run) : IAsyncDisposable
{
    public int Runs { get; private set; }

    public static CaseRunner Start(Suite.Suite suite)
    {
        var run = new TestRun(BindingAssemblies.Settings(suite.Configuration), BindingAssemblies.Load(suite.Configuration));
        if (run.BindingErrors.Count > 0)
            throw new FreezeInputException("the suite's bindings do not load: " + run.BindingErrors[0]);
        return new CaseRunner(run);
    }

    public async Task<ReplayOutcome> RunAsync(TestCase testCase, CancellationToken ct)
    {
        Runs++;
        return ReplayOutcome.From(await run.RunAsync(testCase, ct));
    }

    public ValueTask DisposeAsync() => run.DisposeAsync();
}
