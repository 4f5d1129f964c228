using System.Diagnostics;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Serve;

namespace ChaosFeatures.Benchmarks.Runner;

/// <summary>
/// A whole trivial io scenario (serve 256 B, download, assert) through the bridge, Reqnroll and the real
/// step library, against the same socket work done by hand: the difference is what the runner,
/// the harness, the event log and the leak check cost per scenario.
/// </summary>
internal static class ScenarioBench
{
    private const int WarmUpRuns = 100;

    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        await using var suite = await BenchSuite.StartAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Runner", "trivial_io.feature")), null);
        // Warm-up, both sides alike: BeforeTestRun and the event log file on the first case, then enough cases for
        // tiered compilation to replace the first-call code of the hot paths (30 calls, then a background recompile).
        for (int i = 0; i < WarmUpRuns; i++)
        {
            await suite.RunOnceAsync();
            await ByHandAsync();
        }

        var scenario = new List<double>();
        var byHand = new List<double>();
        for (int i = 0; i < settings.ScenarioRuns; i++)
        {
            scenario.Add(await suite.RunOnceAsync());
            byHand.Add(await ByHandAsync());
        }
        double median = RoundTripBench.Percentile(scenario, 50), bare = RoundTripBench.Percentile(byHand, 50);
        return
        [
            new("trivial io scenario, median (serve 256 B, download, assert)", $"{bare:F2} ms by hand",
                $"{median:F2} ms (p90 {RoundTripBench.Percentile(scenario, 90):F2})", $"+{median - bare:F2} ms by runner", "<= 2 ms", median <= 2),
        ];
    }

    /// <returns>Milliseconds to start a peer serving 256 B, download it with a socket, compare and stop the peer.</returns>
    private static async Task<double> ByHandAsync()
    {
        long start = Stopwatch.GetTimestamp();
        byte[] payload = new byte[256];
        Random.Shared.NextBytes(payload);
        await using (Peer peer = await PeerHost.StartAsync(new PeerOptions("EP", new ServeBehaviour(payload))))
        {
            using Socket client = await Client.ConnectAsync(peer.EndPoint);
            var received = new byte[payload.Length];
            await Client.ReadExactlyAsync(client, received);
            if (await client.ReceiveAsync(new byte[1]) != 0 || !received.AsSpan().SequenceEqual(payload))
                throw new InvalidOperationException("the peer did not serve exactly its payload");
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
