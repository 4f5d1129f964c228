using System.Collections.Concurrent;
using System.Reflection;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Xunit.Execution;

/// <summary>
/// Everything one test process shares for a suite: the configuration, the expanded test cases
/// and the <see cref="TestRun"/> that executes them. xUnit discovers and executes in separate
/// passes (test cases travel as serialized strings between them), so both passes come here and
/// the suite is loaded once per process and key.
/// </summary>
internal sealed class SuiteSession
{
    private static readonly ConcurrentDictionary<string, Lazy<SuiteSession>> Sessions = new();

    private readonly Lazy<TestRun> _run;
    private readonly Dictionary<string, int> _indexById;

    private SuiteSession(string root, IReadOnlyList<string> paths, Assembly testAssembly)
    {
        Root = root;
        Configuration = RunnerConfiguration.Load(Path.Combine(root, Discovery.SuiteRoot.ConfigFileName));
        Suite = FeatureSuite.Load(root, paths, ExpansionOptions.FromEnvironment(Configuration));
        _indexById = Suite.TestCases.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _run = new Lazy<TestRun>(() => new TestRun(
            ExecutionSettingsFactory.From(Configuration),
            BindingAssemblies.Load(Configuration, testAssembly)));
    }

    public string Root { get; }
    public RunnerConfiguration Configuration { get; }
    public FeatureSuite Suite { get; }

    /// <summary>Created on first use so that listing tests never runs a hook.</summary>
    public TestRun Run => _run.Value;

    public TestCase? Find(string caseId) =>
        _indexById.TryGetValue(caseId, out var index) ? Suite.TestCases[index] : null;

    public int IndexOf(TestCase testCase) => _indexById.GetValueOrDefault(testCase.Id, int.MaxValue);

    public static SuiteSession For(string root, IReadOnlyList<string> paths, Assembly testAssembly)
    {
        var key = root + "|" + string.Join("|", paths) + "|" + testAssembly.FullName;
        return Sessions.GetOrAdd(key, _ => new Lazy<SuiteSession>(() => new SuiteSession(root, paths, testAssembly))).Value;
    }

    /// <summary>Called when a feature's test collection has finished: its [AfterFeature] hooks run.</summary>
    public static async Task FinishFeatureAsync(string featurePath)
    {
        foreach (var session in Started())
        {
            var feature = session.Suite.Features.FirstOrDefault(f => f.Path == featurePath);
            if (feature is not null) await session.Run.FinishFeatureAsync(feature);
        }
    }

    /// <summary>Called once at the end of the test assembly: remaining [AfterFeature] and [AfterTestRun] hooks.</summary>
    public static async Task ShutdownAsync()
    {
        foreach (var session in Started()) await session.Run.DisposeAsync();
    }

    private static IEnumerable<SuiteSession> Started() =>
        Sessions.Values.Where(l => l.IsValueCreated).Select(l => l.Value).Where(s => s._run.IsValueCreated);
}
