namespace ChaosFeatures.Merge.Summary;

/// <summary>One shard over every seed set: what a CI runner of that shard did, summed.</summary>
internal sealed record ShardSummary(string Shard, int Jobs, int Cases, int Iterations, int Failures, double WallSeconds);
