using System.Collections.Concurrent;
using System.Reflection;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Reporting;

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
    private RunReports? _reports;
    private readonly Dictionary<string, int> _indexById;

    private SuiteSession(string root, IReadOnlyList<string> paths, Assembly testAssembly)
    {
        Root = root;
        Configuration = RunnerConfiguration.Load(Path.Combine(root, Discovery.SuiteRoot.ConfigFileName));
        Suite = FeatureSuite.Load(root, paths, ExpansionOptions.FromEnvironment(Configuration));
        _indexById = Suite.TestCases.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _run = new Lazy<TestRun>(() => StartRun(testAssembly));
    }

    public string Root { get; }
    public RunnerConfiguration Configuration { get; }
    public FeatureSuite Suite { get; }

    /// <summary>Created on first use so that listing tests never runs a hook.</summary>
    public TestRun Run => _run.Value;

    public TestCase? Find(string caseId) =>
        _indexById.TryGetValue(caseId, out var index) ? Suite.TestCases[index] : null;

    public int IndexOf(TestCase testCase) => _indexById.GetValueOrDefault(testCase.Id, int.MaxValue);

    /// <summary>The run, listened to by the formatters reqnroll.json turns on (output paths relative to the suite root).</summary>
    private TestRun StartRun(Assembly testAssembly)
    {
        var targets = ReportFormats.Targets(Configuration.Formatters, Root);
        _reports = targets.Count == 0 ? null : new RunReports(Suite, targets);
        var run = new TestRun(ExecutionSettingsFactory.From(Configuration), BindingAssemblies.Load(Configuration, testAssembly),
            _reports is null ? [] : [_reports]);
        _reports?.DescribeBindings(run);
        return run;
    }

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

    /// <summary>
    /// Called once at the end of the test assembly: remaining [AfterFeature] and [AfterTestRun] hooks, then
    /// the reports. Every session is closed even when one fails; all failures are rethrown so the bridge
    /// reports them as a cleanup failure instead of a silently missing report.
    /// </summary>
    public static async Task ShutdownAsync()
    {
        var failures = new List<Exception>();
        foreach (var session in Started())
        {
            try { await session.Run.DisposeAsync(); }
            catch (Exception e) { failures.Add(e); }
            try { session._reports?.ThrowIfFailed(); }
            catch (Exception e) { failures.Add(e); }
        }
        if (failures.Count == 1) throw failures[0];
        if (failures.Count > 1) throw new AggregateException("Closing the test run failed.", failures);
    }

    private static IEnumerable<SuiteSession> Started() =>
        Sessions.Values.Where(l => l.IsValueCreated).Select(l => l.Value).Where(s => s._run.IsValueCreated);
}
