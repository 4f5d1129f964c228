using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Latency;

namespace ChaosFeatures.Benchmarks;

/// <summary>Bulk upload into a sink: a direct loopback pair against the same through the proxy, best of several alternating rounds.</summary>
internal static class ThroughputBench
{
    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        await using BenchServer sink = BenchServer.Sink();
        await using var passthrough = new ToxicProxy(new ToxicProxyOptions { Name = "passthrough", Upstream = sink.HostPort });
        await passthrough.StartAsync();

        double direct = 0, proxied = 0;
        for (int round = 0; round < settings.ThroughputRounds; round++)
        {
            direct = Math.Max(direct, await UploadAsync(sink.Endpoint, settings.ThroughputBytes));
            proxied = Math.Max(proxied, await UploadAsync(passthrough.ListenEndpoint, settings.ThroughputBytes));
        }

        await using var delayed = new ToxicProxy(new ToxicProxyOptions { Name = "latency", Upstream = sink.HostPort });
        await delayed.StartAsync();
        delayed.AddToxic(new LatencyOptions { Latency = 100, Stream = ToxicStream.Upstream });
        double throughLatency = await UploadAsync(delayed.ListenEndpoint, settings.ThroughputBytes);

        double ratio = proxied / direct;
        return
        [
            new("throughput, passthrough proxy", $"{direct:F0} MB/s direct", $"{proxied:F0} MB/s", $"{ratio:F2}x", ">= 0.80x", ratio >= 0.8),
            new("throughput, 100 ms latency toxic", $"{direct:F0} MB/s direct", $"{throughLatency:F0} MB/s", $"{throughLatency / direct:F2}x", ">= 100 MB/s", throughLatency >= 100),
        ];
    }

    /// <returns>MB/s (10^6 bytes) from the first send until the sink confirmed the last byte.</returns>
    private static async Task<double> UploadAsync(IPEndPoint target, long bytes)
    {
        using Socket socket = await Client.ConnectAsync(target);
        var chunk = new byte[256 * 1024];
        var watch = Stopwatch.StartNew();
        for (long sent = 0; sent < bytes; sent += chunk.Length) await socket.SendAsync(chunk);
        socket.Shutdown(SocketShutdown.Send);
        if (await Client.ReadToEndAsync(socket) != 1) throw new InvalidOperationException("sink did not confirm the upload");
        return bytes / 1e6 / watch.Elapsed.TotalSeconds;
    }
}
