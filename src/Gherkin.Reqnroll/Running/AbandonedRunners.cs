using System.Collections.Concurrent;
using Reqnroll;

namespace ChaosFeatures.Gherkin.Running;

/// <summary>
/// Test runners whose case hung past its timeout and grace. Such a runner is never handed back to Reqnroll's
/// pool (its thread may still wake up inside it); the next case of its feature gets a fresh runner, with
/// its own BeforeFeature. When the feature finishes, the abandoned runner's feature is ended too, so every
/// feature context that saw BeforeFeature also sees AfterFeature.
/// </summary>
internal sealed class AbandonedRunners
{
    private readonly ConcurrentDictionary<ITestRunner, FeatureInfo> _runners = new();

    public void Add(ITestRunner runner, FeatureInfo feature) => _runners[runner] = feature;

    public async Task<IReadOnlyList<string>> EndFeatureAsync(FeatureInfo feature, TimeSpan bound)
    {
        var problems = new List<string>();
        foreach (var (runner, _) in _runners.Where(r => ReferenceEquals(r.Value, feature)).ToList())
        {
            _runners.TryRemove(runner, out _);
            if (runner.FeatureContext is not { } context || !ReferenceEquals(context.FeatureInfo, feature))
                continue;
            if (await Watchdog.RunBoundedAsync(runner.OnFeatureEndAsync, bound, $"AfterFeature hooks of '{feature.Title}' on the runner of a hung case") is { } problem)
                problems.Add(problem);
        }
        return problems;
    }
}
