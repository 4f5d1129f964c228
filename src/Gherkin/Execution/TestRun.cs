using System.Collections.Concurrent;
using System.Reflection;
using ChaosFeatures.Gherkin.Bindings;
using ChaosFeatures.Gherkin.Bindings.Discovery;
using ChaosFeatures.Gherkin.Bindings.Matching;
using ChaosFeatures.Gherkin.Execution.Hooks;
using ChaosFeatures.Gherkin.Execution.Scenarios;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Execution;

/// <summary>
/// One run over the binding assemblies. Thread-safe: cases of different features (and of one feature)
/// may run in parallel. BeforeTestRun runs lazily before the first case, BeforeFeature before a
/// feature's first case; <see cref="FinishFeatureAsync"/> and <see cref="DisposeAsync"/> run the after-hooks.
/// </summary>
public sealed class TestRun : IAsyncDisposable
{
    private readonly RunContext _run;
    private readonly Lazy<Task<IReadOnlyList<string>>> _testRunStart;
    private readonly ConcurrentDictionary<string, Lazy<Task<FeatureRun>>> _features = new(StringComparer.Ordinal);
    private int _failed;
    private int _disposed;

    public TestRun(ExecutionSettings settings, IReadOnlyList<Assembly> bindingAssemblies, IReadOnlyList<ITestExecutionListener>? listeners = null)
        : this(settings, BindingDiscovery.Discover(bindingAssemblies), listeners)
    {
    }

    /// <summary>A run over chosen binding classes, so tests don't see each other's bindings.</summary>
    internal TestRun(ExecutionSettings settings, IReadOnlyList<Type> bindingTypes, IReadOnlyList<ITestExecutionListener>? listeners = null)
        : this(settings, BindingDiscovery.Discover(bindingTypes), listeners)
    {
    }

    private TestRun(ExecutionSettings settings, BindingRegistry registry, IReadOnlyList<ITestExecutionListener>? listeners)
    {
        _run = new RunContext(registry, new StepMatcher(registry), settings, new ListenerHub(listeners ?? []));
        StepDefinitions = [.. registry.StepDefinitions.Select(s => s.Info)];
        Hooks = [.. registry.Hooks.Select(h => h.Info)];
        _testRunStart = new(StartTestRunAsync);
    }

    public IReadOnlyList<StepDefinitionInfo> StepDefinitions { get; }

    public IReadOnlyList<HookInfo> Hooks { get; }

    /// <summary>Binding misuses found at discovery; while any exist, every case fails listing them.</summary>
    public IReadOnlyList<string> BindingErrors => _run.Registry.Errors;

    public Task<TestCaseResult> RunAsync(TestCase testCase, CancellationToken ct = default) => RunAsync(testCase, 0, ct);

    /// <summary>Runs one iteration of a case (see <see cref="ScenarioInfo.Iteration"/>).</summary>
    public async Task<TestCaseResult> RunAsync(TestCase testCase, int iteration, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var hub = _run.Hub;
        if (testCase.IgnoreReason is { } ignored)
            return Report(testCase, NotRun(testCase, TestCaseStatus.Skipped, null, ignored));
        var setupErrors = BindingErrors.Count > 0
            ? ["Binding errors (every case fails until they are fixed):", .. BindingErrors.Select(e => " - " + e)]
            : await _testRunStart.Value.ConfigureAwait(false);
        if (setupErrors.Count > 0)
            return Report(testCase, NotRun(testCase, TestCaseStatus.Failed, string.Join(Environment.NewLine, setupErrors), null));
        var feature = await _features.GetOrAdd(testCase.Feature.Path, _ => new(() => FeatureRun.StartAsync(testCase.Feature, _run.Registry, _run.Settings)))
            .Value.ConfigureAwait(false);
        if (feature.BeforeErrors.Count > 0)
            return Report(testCase, NotRun(testCase, TestCaseStatus.Failed, "BeforeFeature hook failed:" + Environment.NewLine + string.Join(Environment.NewLine, feature.BeforeErrors), null));
        hub.Notify(l => l.TestCaseStarted(testCase));
        var result = await new ScenarioRun(_run, testCase, iteration, feature.Context, ct).RunAsync(ct).ConfigureAwait(false);
        return Finished(testCase, result);
    }

    /// <summary>Runs the feature's AfterFeature hooks; throws when they fail (there is no case left to fail).</summary>
    public async Task FinishFeatureAsync(FeatureDescriptor feature)
    {
        if (!_features.TryRemove(feature.Path, out var started))
            return;
        var errors = await (await started.Value.ConfigureAwait(false)).FinishAsync(_run.Registry, _run.Settings).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            Interlocked.Increment(ref _failed);
            throw new InvalidOperationException($"AfterFeature hooks of '{feature.Title}' failed:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
    }

    /// <summary>Finishes open features, runs AfterTestRun, reports the run; throws when any of those hooks failed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        var errors = new List<string>();
        foreach (var feature in _features.Values.Select(f => f.Value))
            errors.AddRange(await (await feature.ConfigureAwait(false)).FinishAsync(_run.Registry, _run.Settings).ConfigureAwait(false));
        _features.Clear();
        if (_testRunStart.IsValueCreated)
            errors.AddRange(await HookBatch.RunAsync([.. _run.Registry.HooksOf(HookType.AfterTestRun)], FeatureHookArguments.None, _run.Settings.AfterHookTimeout, false).ConfigureAwait(false));
        var success = errors.Count == 0 && Volatile.Read(ref _failed) == 0;
        _run.Hub.Notify(l => l.TestRunFinished(success));
        if (errors.Count > 0)
            throw new InvalidOperationException($"After-run hooks failed:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    private async Task<IReadOnlyList<string>> StartTestRunAsync()
    {
        _run.Hub.Notify(l => l.TestRunStarted());
        var errors = await HookBatch.RunAsync([.. _run.Registry.HooksOf(HookType.BeforeTestRun)], FeatureHookArguments.None, _run.Settings.ScenarioTimeout, true)
            .ConfigureAwait(false);
        // One failure stays on one line: it is usually a bad setting whose message already says it all.
        return errors switch
        {
            [] => [],
            [var only] => [$"BeforeTestRun hook failed: {only}"],
            _ => ["BeforeTestRun hooks failed:", .. errors],
        };
    }

    private TestCaseResult Report(TestCase testCase, TestCaseResult result)
    {
        _run.Hub.Notify(l => l.TestCaseStarted(testCase));
        return Finished(testCase, result);
    }

    private TestCaseResult Finished(TestCase testCase, TestCaseResult result)
    {
        if (result.Status == TestCaseStatus.Failed)
            Interlocked.Increment(ref _failed);
        _run.Hub.Notify(l => l.TestCaseFinished(testCase, result));
        return result;
    }

    // Cases that never start still list their steps as skipped, so reports show every scenario.
    private static TestCaseResult NotRun(TestCase testCase, TestCaseStatus status, string? message, string? skipReason) =>
        new(status, message, null, skipReason, TimeSpan.Zero,
            [.. testCase.Steps.Select(s => new StepResult(new TestStepInfo(s, null), StepStatus.Skipped, TimeSpan.Zero))], []);
}
