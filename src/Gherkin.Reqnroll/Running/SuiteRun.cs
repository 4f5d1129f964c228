using System.Collections.Concurrent;
using System.Reflection;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Reporting;
using ChaosFeatures.Gherkin.Reqnroll;
using ChaosFeatures.Gherkin.Suite;
using Reqnroll;

namespace ChaosFeatures.Gherkin.Running;

/// <summary>
/// One Reqnroll test run over a suite's cases, driven as generated code-behind would drive it
/// (<see href="../../../shared/reference/reqnroll-runtime.md"/>): the test run starts here, each case gets a
/// test runner for its feature, features end when their cases are done, the run ends on dispose. Reqnroll
/// keeps one runner manager per test assembly, so one run per assembly is active at a time (a second start waits).
/// </summary>
public sealed class SuiteRun : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<Assembly, SemaphoreSlim> ActiveRuns = new();

    private readonly SemaphoreSlim _active;
    private readonly string? _startError;
    private int _disposed;

    private readonly ReportContext _reports;

    private SuiteRun(SuiteRunOptions options, BridgeContainerBuilder builder, ReportContext reports, SemaphoreSlim active, string? startError)
    {
        Options = options;
        _reports = reports;
        Builder = builder;
        _active = active;
        _startError = startError;
        Features = new FeatureInfos(options.Suite, options.Planned ?? options.Suite.TestCases, options.Formatters);
    }

    public SuiteRunOptions Options { get; }

    public FeatureSuite Suite => Options.Suite;

    internal BridgeContainerBuilder Builder { get; }

    internal FeatureInfos Features { get; }

    internal AbandonedRunners Abandoned { get; } = new();

    /// <summary>Starts Reqnroll's test run (BeforeTestRun hooks). A failing start does not throw: every case then fails with its reason.</summary>
    public static async Task<SuiteRun> StartAsync(SuiteRunOptions options)
    {
        var active = ActiveRuns.GetOrAdd(options.TestAssembly, _ => new SemaphoreSlim(1, 1));
        await active.WaitAsync().ConfigureAwait(false);
        try
        {
            var reports = new ReportContext(options.Suite, options.Planned ?? options.Suite.TestCases, options.Shard);
            var builder = new BridgeContainerBuilder(new BridgePlugin(reports, options.Formatters),
                Path.Combine(options.Suite.Root, SuiteConfiguration.FileName),
                [.. new[] { AppContext.BaseDirectory, Path.GetDirectoryName(options.TestAssembly.Location) ?? "" }.Where(f => f.Length > 0).Distinct()]);
            string? startError = null;
            try
            {
                await TestRunnerManager.OnTestRunStartAsync(options.TestAssembly, builder).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // One failure stays on one line: it is usually a bad setting whose message already says it all.
                startError = $"BeforeTestRun hook failed: {ErrorText.Of(e.GetBaseException())}";
            }
            return new SuiteRun(options, builder, reports, active, startError);
        }
        catch
        {
            active.Release();
            throw;
        }
    }

    /// <summary>Runs one iteration of a case (see <see cref="CaseRun.Iteration"/>).</summary>
    public Task<CaseResult> RunAsync(TestCase testCase, int iteration = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_startError is not null)
            return Task.FromResult(CaseResult.Failed(_startError));
        var (feature, pickleIndex) = Features.For(testCase);
        return new CaseExecution(this, testCase, iteration, feature, pickleIndex).RunAsync(cancellationToken);
    }

    /// <summary>A feature's cases are done: its AfterFeature hooks run on every runner that started it. Throws when they fail.</summary>
    public async Task FinishFeatureAsync(string featurePath)
    {
        if (Features.Started(featurePath) is not { } feature)
            return;
        var problems = new List<string>();
        try
        {
            await TestRunnerManager.ReleaseFeatureAsync(feature, Options.TestAssembly, Builder).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            problems.Add($"AfterFeature hooks of '{feature.Title}' failed: {ErrorText.Of(e.GetBaseException())}");
        }
        problems.AddRange(await Abandoned.EndFeatureAsync(feature, Options.AfterHookTimeout).ConfigureAwait(false));
        if (problems.Count > 0)
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    }

    /// <summary>Ends the test run: remaining AfterFeature hooks, AfterTestRun hooks, formatters write their files. Throws when any of that failed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            await TestRunnerManager.OnTestRunEndAsync(Options.TestAssembly, Builder).ConfigureAwait(false);
            if (_reports.Failures.Count > 0)
                throw new InvalidOperationException(string.Join(Environment.NewLine, _reports.Failures));
        }
        finally
        {
            _active.Release();
        }
    }
}
