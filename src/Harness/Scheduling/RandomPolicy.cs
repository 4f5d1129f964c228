using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Harness.Scheduling;

internal sealed class RandomPolicy(ulong seed) : ISchedulingPolicy
{
    private readonly SplitMix64 _random = new(seed);

    public int Pick(IReadOnlyList<WorkItem> ready) => ready.Count == 1 ? 0 : _random.NextInt(ready.Count);
}
