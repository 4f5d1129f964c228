using System.Diagnostics;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Serve;

namespace ChaosFeatures.Benchmarks;

/// <summary>
/// What a forked peer costs a scenario: spawn until the first byte of its payload reaches a
/// client, against the same for an in-process peer. The child is a real `dotnet evilpeer.dll`.
/// </summary>
internal static class ForkedPeerBench
{
    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        var options = new PeerOptions("bench", new ServeBehaviour(new byte[256]));
        await FirstByteAsync(options, forked: true); // warm-up: disk cache for the host's assemblies
        var inProcess = new List<double>();
        var forked = new List<double>();
        for (int i = 0; i < settings.AccuracyRuns; i++)
        {
            inProcess.Add(await FirstByteAsync(options, forked: false));
            forked.Add(await FirstByteAsync(options, forked: true));
        }
        double inProcessMedian = RoundTripBench.Percentile(inProcess, 50);
        double forkedMedian = RoundTripBench.Percentile(forked, 50);
        return
        [
            new("forked peer start-up (to first byte)", $"{inProcessMedian:F1} ms in-process", $"{forkedMedian:F0} ms",
                $"{forkedMedian / inProcessMedian:F0}x", "(reported)", null),
        ];
    }

    /// <returns>Milliseconds from asking for a peer until a client has read its first byte.</returns>
    private static async Task<double> FirstByteAsync(PeerOptions options, bool forked)
    {
        long start = Stopwatch.GetTimestamp();
        IAsyncDisposable peer;
        System.Net.IPEndPoint endpoint;
        if (forked)
        {
            var child = await ForkedPeer.StartAsync(options);
            (peer, endpoint) = (child, child.EndPoint);
        }
        else
        {
            var local = await PeerHost.StartAsync(options);
            (peer, endpoint) = (local, local.EndPoint);
        }
        await using (peer)
        {
            using Socket client = await Client.ConnectAsync(endpoint);
            await Client.ReadExactlyAsync(client, new byte[1]);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    }
}
