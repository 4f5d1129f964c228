using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Suite;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Freeze.Tests.EndToEnd;

/// <summary>
/// Runs tests/Fixtures/PlantedServerFixture once: an oversized-frame scenario against the real sample server, with
/// its default (planted-bug) size check and with the fixed one. A copy of the fixture in a temp folder is the suite
/// root (CHAOS_SUITE_ROOT, so its chaos.servers entry is the one used), events and descriptors go there too.
/// Everything is deleted afterwards.
/// </summary>
public sealed class PlantedServerBugRun : IAsyncLifetime
{
    private static readonly string[] Variables = [SuiteRoot.EnvironmentVariable, "CHAOS_RESULTS_DIR", "CHAOS_RUN_ID"];

    private readonly TempFolder _temp = new();

    public string Root => Path.Combine(_temp.Path, "suite");
    public string ResultsFolder => Path.Combine(_temp.Path, "chaos-results");
    public IReadOnlyList<(TestCase Case, CaseResult Result)> Cases { get; private set; } = [];

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "PlantedServerFixture"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "PlantedServerFixture"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        // Process-wide: this collection runs alone (see PlantedServerBugCollection).
        Environment.SetEnvironmentVariable(SuiteRoot.EnvironmentVariable, Root);
        Environment.SetEnvironmentVariable("CHAOS_RESULTS_DIR", ResultsFolder);
        Environment.SetEnvironmentVariable("CHAOS_RUN_ID", "planted-server");

        var configuration = SuiteConfiguration.Load(Path.Combine(Root, SuiteConfiguration.FileName));
        var suite = FeatureSuite.Load(Root, ["features"], ExpansionOptions.Default with { MaxCombinations = configuration.Chaos.MaxCombinations });
        suite.Errors.Should().BeEmpty();
        await using var run = await SuiteRun.StartAsync(new SuiteRunOptions(typeof(PlantedServerBugRun).Assembly, suite) { ScenarioTimeout = TimeSpan.FromSeconds(30) });
        var cases = new List<(TestCase, CaseResult)>();
        foreach (var testCase in suite.TestCases)
            cases.Add((testCase, await run.RunAsync(testCase)));
        Cases = cases;
    }

    /// <summary>The case against the buggy server that declared 4 GB.</summary>
    public (TestCase Case, CaseResult Result) FourGigabytesAgainstTheBug =>
        Cases.Single(c => c.Case.Example!.Values["check"] == "late" && c.Case.Mutations.Single().ChosenTexts.Single().Contains("4294967295"));

    public Task DisposeAsync()
    {
        foreach (var variable in Variables) Environment.SetEnvironmentVariable(variable, null);
        _temp.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Alone, after the parallel collections: its fixture sets CHAOS_SUITE_ROOT and the results variables for the whole process.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PlantedServerBugCollection : ICollectionFixture<PlantedServerBugRun>
{
    public const string Name = "planted server bug";
}
