using System.Diagnostics;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Toxics.Bandwidth;
using ChaosFeatures.EvilPeer.Toxics.Latency;

namespace ChaosFeatures.Benchmarks;

/// <summary>How close the timing toxics come to what they promise (Toxiproxy's own test: 480 KB at 1000 KB/s).</summary>
internal static class ToxicAccuracyBench
{
    public static async Task<BenchRow[]> RunAsync(BenchSettings settings) =>
        [await BandwidthAsync(settings), await LatencyAsync(settings)];

    private static async Task<BenchRow> BandwidthAsync(BenchSettings settings)
    {
        await using BenchServer source = BenchServer.SendOnRequest(new byte[480_000]);
        await using var proxy = new ToxicProxy(new ToxicProxyOptions { Name = "bandwidth", Upstream = source.HostPort });
        await proxy.StartAsync();
        proxy.AddToxic(new BandwidthOptions { Rate = 1000 });

        var times = new List<double>();
        for (int run = 0; run < settings.AccuracyRuns; run++)
        {
            using Socket client = await Client.ConnectAsync(proxy.ListenEndpoint);
            var watch = Stopwatch.StartNew();
            await client.SendAsync(new byte[1]);
            if (await Client.ReadToEndAsync(client) != 480_000) throw new InvalidOperationException("short download");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        double median = RoundTripBench.Percentile(times, 50);
        double error = (median - 480) / 480 * 100;
        return new("bandwidth 480 KB at 1000 KB/s", "480 ms ideal", $"{median:F1} ms (median of {times.Count})",
            $"{error:+0.0;-0.0} %", "+-2 %", Math.Abs(error) <= 2);
    }

    private static async Task<BenchRow> LatencyAsync(BenchSettings settings)
    {
        await using BenchServer echo = BenchServer.Echo();
        await using var proxy = new ToxicProxy(new ToxicProxyOptions { Name = "latency", Upstream = echo.HostPort });
        await proxy.StartAsync();
        proxy.AddToxic(new LatencyOptions { Latency = 100 });
        using Socket client = await Client.ConnectAsync(proxy.ListenEndpoint);

        var errors = new List<double>();
        var reply = new byte[1];
        for (int i = 0; i < settings.AccuracyRuns * 4; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await client.SendAsync(new byte[1]);
            await Client.ReadExactlyAsync(client, reply);
            errors.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds - 100);
        }
        double median = RoundTripBench.Percentile(errors, 50);
        double worst = errors.MaxBy(Math.Abs);
        return new("latency toxic 100 ms", "100 ms ideal", $"{100 + median:F2} ms (median of {errors.Count})",
            $"{median:+0.00;-0.00} ms (worst {worst:+0.0;-0.0})", "+-2 ms", Math.Abs(median) <= 2);
    }
}
