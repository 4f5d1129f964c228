namespace ChaosFeatures.Merge.Summary;

/// <param name="Cases">Case runs: each case once per seed set it ran in (shards of one seed set never share a case).</param>
/// <param name="Flaky">Cases that failed in some iterations or seed sets and passed in others (same generation seed, same case).</param>
internal sealed record SummaryTotals(int Jobs, int Cases, int Iterations, int Passed, int Failed, int Skipped, int Flaky, int Descriptors);
