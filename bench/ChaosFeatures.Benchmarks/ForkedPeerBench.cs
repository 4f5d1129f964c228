namespace ChaosFeatures.Benchmarks;

/// <summary>
/// Slot for the forked EvilPeer's start-up time (spawn to first accept), to be filled in once
/// src/EvilPeer.Host can run a peer. Until then it reports n/a rather than a made-up number.
/// </summary>
internal static class ForkedPeerBench
{
    public static Task<BenchRow[]> RunAsync(BenchSettings settings) =>
        Task.FromResult<BenchRow[]>([new("forked peer start-up", "-", "n/a (forked peer not built yet)", "-", "(to be set)", null)]);
}
