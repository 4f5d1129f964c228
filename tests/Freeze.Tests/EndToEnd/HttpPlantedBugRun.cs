using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Suite;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Freeze.Tests.EndToEnd;

/// <summary>
/// Runs the HTTP planted-bug suite (tests/Fixtures/HttpPlantedBug/suite) once for its tests: a copy in a temp
/// folder, every case in-process with the real steps plus the tiny-http driver, events and descriptors in the
/// temp folder. The results folder is set only while its cases run and then given back (the other end-to-end
/// fixture of the collection keeps its own); everything is deleted afterwards.
/// </summary>
public sealed class HttpPlantedBugRun : IAsyncLifetime
{
    public const string RunId = "http-planted-bug";

    private readonly TempFolder _temp = new();

    public string SuiteRoot => Path.Combine(_temp.Path, "suite");
    public string ResultsFolder => Path.Combine(_temp.Path, "chaos-results");
    public IReadOnlyList<(TestCase Case, CaseResult Result)> Cases { get; private set; } = [];

    public async Task InitializeAsync()
    {
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "HttpPlantedBugFixture"), SuiteRoot);
        var folder = Environment.GetEnvironmentVariable("CHAOS_RESULTS_DIR");
        var runId = Environment.GetEnvironmentVariable("CHAOS_RUN_ID");
        Environment.SetEnvironmentVariable("CHAOS_RESULTS_DIR", ResultsFolder);
        Environment.SetEnvironmentVariable("CHAOS_RUN_ID", RunId);
        try
        {
            var configuration = SuiteConfiguration.Load(Path.Combine(SuiteRoot, SuiteConfiguration.FileName));
            var suite = FeatureSuite.Load(SuiteRoot, ["features"], ExpansionOptions.Default with { MaxCombinations = configuration.Chaos.MaxCombinations });
            suite.Errors.Should().BeEmpty();
            await using var run = await SuiteRun.StartAsync(new SuiteRunOptions(typeof(HttpPlantedBugRun).Assembly, suite) { ScenarioTimeout = TimeSpan.FromSeconds(30) });
            var cases = new List<(TestCase, CaseResult)>();
            foreach (var testCase in suite.TestCases)
                cases.Add((testCase, await run.RunAsync(testCase)));
            Cases = cases;
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHAOS_RESULTS_DIR", folder);
            Environment.SetEnvironmentVariable("CHAOS_RUN_ID", runId);
        }
    }

    /// <summary>The failing case with both faults of the any-of block chosen: the most to shrink.</summary>
    public string FullCombinationDescriptor =>
        PlantedBugRun.DescriptorOf(Cases.Single(c => c.Case.Example!.Values["driver"] == "tiny-http" && c.Case.Mutations.Single().ChosenRows.Count == 2).Result);

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
