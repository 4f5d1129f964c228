namespace ChaosFeatures.Harness.Replay;

/// <summary>Sub-seeds of one case (see <see cref="Seeds.CaseSeeds"/>).</summary>
public sealed record ReplayDerivedSeeds(ulong Payload, ulong Scheduler, ulong Toxic);
