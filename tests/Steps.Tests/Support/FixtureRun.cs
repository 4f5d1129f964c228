using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Suite;

namespace ChaosFeatures.Steps.Tests.Support;

/// <summary>
/// Runs fixture scenarios in-process on Reqnroll, as the specs project would: the real step library (named in
/// this project's reqnroll.json) plus this assembly's test-only bindings, features from the output folder
/// (Fixtures/*.feature).
/// </summary>
internal static class FixtureRun
{
    public static string Root => AppContext.BaseDirectory;

    public static FeatureSuite Suite(string fixture)
    {
        var suite = FeatureSuite.Load(Root, [$"Fixtures/{fixture}"], ExpansionOptions.Default);
        suite.Errors.Should().BeEmpty();
        return suite;
    }

    /// <summary>Every case of the fixture file, in file order; load errors fail the test.</summary>
    public static IReadOnlyList<TestCase> Load(string fixture) => Suite(fixture).TestCases;

    public static Task<SuiteRun> StartAsync(FeatureSuite suite) =>
        SuiteRun.StartAsync(new SuiteRunOptions(typeof(FixtureRun).Assembly, suite) { ScenarioTimeout = TimeSpan.FromSeconds(30) });

    public static async Task<CaseResult> RunAsync(string fixture, string scenario)
    {
        var suite = Suite(fixture);
        await using var run = await StartAsync(suite);
        return await run.RunAsync(suite.TestCases.Single(c => c.ScenarioName == scenario));
    }
}
