using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Suite;

namespace ChaosFeatures.Benchmarks.Runner;

/// <summary>
/// A one-feature suite in a temp folder (reqnroll.json beside it), run in-process on Reqnroll through the
/// bridge's driver with this assembly and the step library as bindings; events and reports go into the
/// folder, which is deleted afterwards, so a benchmark leaves nothing behind.
/// </summary>
internal sealed class BenchSuite : IAsyncDisposable
{
    private readonly string _root;
    private readonly SuiteRun _run;
    private readonly string? _resultsBefore;

    private BenchSuite(string root, SuiteRun run, TestCase testCase, string? resultsBefore)
    {
        _root = root;
        _run = run;
        Case = testCase;
        _resultsBefore = resultsBefore;
    }

    public TestCase Case { get; }

    /// <param name="formatters">The reqnroll.json <c>formatters</c> section, or null for none.</param>
    /// <param name="stepLibrary">Whether the step library (and so its hooks) binds too, or only this assembly.</param>
    public static async Task<BenchSuite> StartAsync(string featureText, string? formatters, bool stepLibrary = true)
    {
        var root = Directory.CreateTempSubdirectory("chaos-bench-").FullName;
        var resultsBefore = Environment.GetEnvironmentVariable("CHAOS_RESULTS_DIR");
        Environment.SetEnvironmentVariable("CHAOS_RESULTS_DIR", Path.Combine(root, "chaos-results"));
        File.WriteAllText(Path.Combine(root, "reqnroll.json"),
            $$"""{ "bindingAssemblies": [ {{(stepLibrary ? "{ \"assembly\": \"ChaosFeatures.Steps\" }" : "")}} ]{{(formatters is null ? "" : $", \"formatters\": {formatters}")}} }""");
        Directory.CreateDirectory(Path.Combine(root, "features"));
        File.WriteAllText(Path.Combine(root, "features", "bench.feature"), featureText);
        var suite = FeatureSuite.Load(root, ["features"], ExpansionOptions.Default);
        if (suite.Errors.Count > 0) throw new InvalidOperationException($"bench feature: {suite.Errors[0]}");
        var run = await SuiteRun.StartAsync(new SuiteRunOptions(typeof(BenchSuite).Assembly, suite) { ScenarioTimeout = TimeSpan.FromSeconds(30) });
        return new BenchSuite(root, run, suite.TestCases.Single(), resultsBefore);
    }

    /// <returns>Milliseconds for one whole case, hooks included; throws when it does not pass.</returns>
    public async Task<double> RunOnceAsync()
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await _run.RunAsync(Case);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (result.Status != CaseStatus.Passed) throw new InvalidOperationException($"the benchmark scenario did not pass: {result.Message}");
        return elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _run.DisposeAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHAOS_RESULTS_DIR", _resultsBefore);
            Directory.Delete(_root, recursive: true);
        }
    }
}
