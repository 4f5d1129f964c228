using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Suite;
using ChaosFeatures.Gherkin.Tests.Parsing;

namespace ChaosFeatures.Gherkin.Tests.Running;

/// <summary>
/// A suite written to a temp folder (features and reqnroll.json) and run in-process on the real Reqnroll,
/// with this test assembly's bindings, as the xUnit bridge and freeze run cases. Deleted on dispose.
/// </summary>
internal sealed class SampleSuite : IDisposable
{
    public const string ErrorOutcome = """{ "runtime": { "missingOrPendingStepsOutcome": "Error" } }""";

    private readonly TempRepo _repo = new();

    public SampleSuite(string reqnrollJson = ErrorOutcome) => _repo.Write("reqnroll.json", reqnrollJson);

    public string Root => _repo.Root;

    public SampleSuite Feature(string name, string text)
    {
        _repo.Write($"features/{name}.feature", text);
        return this;
    }

    public FeatureSuite Load()
    {
        var suite = FeatureSuite.Load(Root, ["features"], ExpansionOptions.Default);
        suite.Errors.Should().BeEmpty();
        return suite;
    }

    /// <summary>Runs the chosen cases one after another (features finished as they end), then ends the run.</summary>
    public async Task<SampleResults> RunAsync(Func<TestCase, bool>? which = null, Func<SuiteRunOptions, SuiteRunOptions>? configure = null)
    {
        var suite = Load();
        var cases = suite.TestCases.Where(which ?? (_ => true)).ToList();
        var options = new SuiteRunOptions(typeof(SampleSuite).Assembly, suite) { Planned = cases, ScenarioTimeout = TimeSpan.FromSeconds(20) };
        var run = await SuiteRun.StartAsync(configure?.Invoke(options) ?? options);
        var results = new List<(TestCase, CaseResult)>();
        var problems = new List<string>();
        try
        {
            foreach (var feature in cases.GroupBy(c => c.Feature.Path))
            {
                foreach (var testCase in feature)
                    results.Add((testCase, await run.RunAsync(testCase)));
                try { await run.FinishFeatureAsync(feature.Key); }
                catch (InvalidOperationException e) { problems.Add(e.Message); }
            }
        }
        finally
        {
            try { await run.DisposeAsync(); }
            catch (Exception e) { problems.Add(e.Message); }
        }
        return new SampleResults(results, problems);
    }

    public string Report(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public void Dispose() => _repo.Dispose();
}

/// <param name="RunProblems">What finishing features and ending the run threw (AfterFeature, AfterTestRun, reports).</param>
internal sealed record SampleResults(IReadOnlyList<(TestCase Case, CaseResult Result)> Cases, IReadOnlyList<string> RunProblems)
{
    public CaseResult Of(string scenarioName) => Cases.Single(c => c.Case.ScenarioName == scenarioName).Result;
}

/// <summary>Runs share Reqnroll's per-assembly state and the process environment, so they go one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReqnrollRuns
{
    public const string Name = "in-process Reqnroll runs";
}
