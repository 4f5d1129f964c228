using ChaosFeatures.Harness.Counters;

namespace ChaosFeatures.Examples.HttpResilience.Bindings;

/// <summary>The scenario counter one client's attempts go to.</summary>
internal sealed record AttemptCounter(ChaosCounters Counters, string Name);
