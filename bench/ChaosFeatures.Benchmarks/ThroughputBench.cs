using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Latency;

namespace ChaosFeatures.Benchmarks;

/// <summary>
/// Bulk upload into a sink: a direct loopback pair, the same through the toxic proxy and
/// through a plain copy proxy, best of several alternating rounds. Process CPU per GB is
/// reported beside throughput: when direct already keeps every core busy, a second TCP hop
/// can only be as fast as the CPU it costs allows.
/// </summary>
internal static class ThroughputBench
{
    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        await using BenchServer sink = BenchServer.Sink();
        await using var passthrough = new ToxicProxy(new ToxicProxyOptions { Name = "passthrough", Upstream = sink.HostPort });
        await passthrough.StartAsync();
        using var plain = new PlainCopyProxy(sink.Endpoint);

        Upload direct = default, proxied = default, plainCopy = default;
        for (int round = 0; round < settings.ThroughputRounds; round++)
        {
            direct = Upload.Best(direct, await UploadAsync(sink.Endpoint, settings.ThroughputBytes));
            proxied = Upload.Best(proxied, await UploadAsync(passthrough.ListenEndpoint, settings.ThroughputBytes));
            plainCopy = Upload.Best(plainCopy, await UploadAsync(plain.Endpoint, settings.ThroughputBytes));
        }

        await using var delayed = new ToxicProxy(new ToxicProxyOptions { Name = "latency", Upstream = sink.HostPort });
        await delayed.StartAsync();
        delayed.AddToxic(new LatencyOptions { Latency = 100, Stream = ToxicStream.Upstream });
        Upload throughLatency = await UploadAsync(delayed.ListenEndpoint, settings.ThroughputBytes);

        double ratio = proxied.MBps / direct.MBps;
        string baseline = $"{direct.MBps:F0} MB/s direct";
        return
        [
            new("throughput, passthrough proxy", baseline, $"{proxied.MBps:F0} MB/s", $"{ratio:F2}x", ">= 0.80x", ratio >= 0.8),
            new("throughput, plain copy proxy (reference)", baseline, $"{plainCopy.MBps:F0} MB/s", $"{plainCopy.MBps / direct.MBps:F2}x", "reported", null),
            new("CPU per GB, passthrough proxy", $"{direct.CpuPerGB:F2} s direct ({direct.Cores:F1} cores busy)",
                $"{proxied.CpuPerGB:F2} s ({proxied.Cores:F1} cores)", $"{proxied.CpuPerGB / direct.CpuPerGB:F2}x", "reported", null),
            new("throughput, 100 ms latency toxic", baseline, $"{throughLatency.MBps:F0} MB/s", $"{throughLatency.MBps / direct.MBps:F2}x", ">= 100 MB/s", throughLatency.MBps >= 100),
        ];
    }

    /// <returns>MB/s (10^6 bytes) from the first send until the sink confirmed the last byte, and the process CPU it took.</returns>
    internal static async Task<Upload> UploadAsync(IPEndPoint target, long bytes)
    {
        using Socket socket = await Client.ConnectAsync(target);
        var chunk = new byte[256 * 1024];
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (long sent = 0; sent < bytes; sent += chunk.Length) await socket.SendAsync(chunk);
        socket.Shutdown(SocketShutdown.Send);
        if (await Client.ReadToEndAsync(socket) != 1) throw new InvalidOperationException("sink did not confirm the upload");
        TimeSpan elapsed = watch.Elapsed, cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new Upload(bytes / 1e6 / elapsed.TotalSeconds, cpu.TotalSeconds / (bytes / 1e9), cpu / elapsed);
    }

    /// <param name="CpuPerGB">Seconds of process CPU (every thread, user and kernel) per 10^9 bytes moved.</param>
    internal readonly record struct Upload(double MBps, double CpuPerGB, double Cores)
    {
        public static Upload Best(Upload a, Upload b) => b.MBps > a.MBps ? b : a;
    }
}
