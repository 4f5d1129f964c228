using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Suite;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Freeze.Tests.EndToEnd;

/// <summary>
/// Runs the planted-bug fixture once for all end-to-end tests: a copy of tests/Fixtures/FreezeFixture
/// in a temp folder, every expanded case run in-process with the real io steps, events and replay
/// descriptors going to the temp folder (CHAOS_RESULTS_DIR). Everything is deleted afterwards.
/// </summary>
public sealed class PlantedBugRun : IAsyncLifetime
{
    public const string TruncatingFault = "evil peer \"EP\" closes after 100 bytes";

    private readonly TempFolder _temp = new();

    public string SuiteRoot => Path.Combine(_temp.Path, "suite");
    public string ResultsFolder => Path.Combine(_temp.Path, "chaos-results");
    public IReadOnlyList<(TestCase Case, CaseResult Result)> Cases { get; private set; } = [];

    public async Task InitializeAsync()
    {
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "FreezeFixture"), SuiteRoot);
        // Process-wide, hence one collection for every test that runs scenarios (see EndToEndCollection).
        Environment.SetEnvironmentVariable("CHAOS_RESULTS_DIR", ResultsFolder);
        Environment.SetEnvironmentVariable("CHAOS_RUN_ID", "freeze-e2e");

        var configuration = SuiteConfiguration.Load(Path.Combine(SuiteRoot, SuiteConfiguration.FileName));
        var suite = FeatureSuite.Load(SuiteRoot, ["features"], ExpansionOptions.Default with { MaxCombinations = configuration.Chaos.MaxCombinations });
        suite.Errors.Should().BeEmpty();
        await using var run = await SuiteRun.StartAsync(new SuiteRunOptions(typeof(PlantedBugRun).Assembly, suite) { ScenarioTimeout = TimeSpan.FromSeconds(30) });
        var cases = new List<(TestCase, CaseResult)>();
        foreach (var testCase in suite.TestCases)
            cases.Add((testCase, await run.RunAsync(testCase)));
        Cases = cases;
    }

    /// <summary>The descriptor named in a failed case's message.</summary>
    public static string DescriptorOf(CaseResult result) =>
        result.Message!.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("Replay descriptor: ", StringComparison.Ordinal))["Replay descriptor: ".Length..];

    /// <summary>The failing case with every fault of the any-of block chosen: the most to shrink.</summary>
    public string FullCombinationDescriptor =>
        DescriptorOf(Cases.Single(c => c.Case.Mutations.Single().ChosenRows.Count == 3).Result);

    public Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("CHAOS_RESULTS_DIR", null);
        Environment.SetEnvironmentVariable("CHAOS_RUN_ID", null);
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

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PlantedBugRun>, ICollectionFixture<HttpPlantedBugRun>
{
    public const string Name = "freeze end to end";
}
