namespace ChaosFeatures.Harness.Replay;

/// <summary>The run-wide seeds and the sub-seeds the case derived from its id (kept for the reader; freeze pins the first two).</summary>
/// <param name="Sched">Canonical <c>CHAOS_SCHED</c> form: <c>fifo</c>, <c>random:SEED</c>, <c>pct:SEED:DEPTH</c>.</param>
public sealed record ReplaySeeds(ulong Gen, string Sched, ReplayDerivedSeeds Derived);
