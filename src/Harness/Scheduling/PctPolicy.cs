using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Harness.Scheduling;

/// <summary>
/// PCT (Burckhardt et al.): each task gets a random priority >= DEPTH when first seen; the
/// highest-priority task runs (its oldest continuation first); at DEPTH-1 random change points the
/// running task drops to priority DEPTH-i, below every initial one. Bugs of depth d are found with
/// probability >= 1/(n k^(d-1)) per run, k being the step bound used to draw the change points.
/// </summary>
internal sealed class PctPolicy : ISchedulingPolicy
{
    /// <summary>Steps over which change points are drawn: io scenarios take tens to hundreds of picks.</summary>
    internal const int StepBound = 1000;

    private readonly SplitMix64 _random;
    private readonly int _depth;
    private readonly Dictionary<ScenarioTask, long> _priorities = [];
    private readonly Dictionary<long, int> _changePoints = [];
    private long _step;

    public PctPolicy(ulong seed, int depth)
    {
        _random = new SplitMix64(seed);
        _depth = depth;
        for (var i = 1; i < depth; i++) _changePoints.TryAdd(1 + _random.NextInt(StepBound), i);
    }

    public int Pick(IReadOnlyList<WorkItem> ready)
    {
        _step++;
        var best = 0;
        for (var i = 0; i < ready.Count; i++)
            if (PriorityOf(ready[i].Owner) > PriorityOf(ready[best].Owner)) best = i;
        if (_changePoints.TryGetValue(_step, out var change)) _priorities[ready[best].Owner] = _depth - change;
        return best;
    }

    private long PriorityOf(ScenarioTask task)
    {
        if (!_priorities.TryGetValue(task, out var priority))
            _priorities[task] = priority = _depth + _random.NextInt(int.MaxValue);
        return priority;
    }
}
