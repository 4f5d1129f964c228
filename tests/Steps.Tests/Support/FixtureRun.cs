using ChaosFeatures.Gherkin;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Steps.Scenario;

namespace ChaosFeatures.Steps.Tests.Support;

/// <summary>
/// Runs fixture scenarios in-process, as the specs project would: the real step library plus this
/// assembly's test-only bindings, features from the output folder (Fixtures/*.feature).
/// </summary>
internal static class FixtureRun
{
    public static string Root => AppContext.BaseDirectory;

    public static ExecutionSettings Settings { get; } = new() { StrictSkips = false, ScenarioTimeout = TimeSpan.FromSeconds(30) };

    /// <summary>Every case of the fixture file, in file order; load errors fail the test.</summary>
    public static IReadOnlyList<TestCase> Load(string fixture)
    {
        var suite = FeatureSuite.Load(Root, [$"Fixtures/{fixture}"], ExpansionOptions.Default);
        suite.Errors.Should().BeEmpty();
        return suite.TestCases;
    }

    public static TestCase Case(string fixture, string scenario) =>
        Load(fixture).Single(c => c.ScenarioName == scenario);

    public static TestRun NewRun() =>
        new(Settings, [typeof(ChaosScenario).Assembly, typeof(FixtureRun).Assembly]);

    public static async Task<TestCaseResult> RunAsync(string fixture, string scenario)
    {
        await using var run = NewRun();
        return await run.RunAsync(Case(fixture, scenario));
    }
}
