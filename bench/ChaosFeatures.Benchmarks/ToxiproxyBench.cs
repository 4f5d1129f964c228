using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Benchmarks;

/// <summary>
/// The real Toxiproxy side by side with ours, both as servers in their own process and driven
/// through the same HTTP API, measured in the same rounds against the same upstreams: passthrough
/// and 100 ms-latency throughput, added round trip, bandwidth accuracy, memory per idle connection.
/// Without Toxiproxy our figures are still measured and its column says how to get it.
/// </summary>
internal static class ToxiproxyBench
{
    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        await using ApiServerProcess ours = await ApiServerProcess.StartEvilPeerAsync();
        string? path = ApiServerProcess.ToxiproxyPath;
        await using ApiServerProcess? theirs = path is null ? null : await ApiServerProcess.StartToxiproxyAsync(path);
        var rows = new List<BenchRow>();
        rows.AddRange(await ThroughputAsync(settings, ours, theirs));
        rows.AddRange(await RoundTripAsync(settings, ours, theirs));
        rows.Add(await BandwidthAsync(settings, ours, theirs));
        rows.Add(await IdleMemoryAsync(settings, ours, theirs));
        return [.. rows];
    }

    private static async Task<BenchRow[]> ThroughputAsync(BenchSettings settings, ApiServerProcess ours, ApiServerProcess? theirs)
    {
        // Toxiproxy closes both sides when the client half-closes, so the upload cannot end with a FIN
        // and wait for the sink's answer: the sink is told the length up front and answers when it has it all.
        await using BenchServer sink = CountingSink();
        IPEndPoint oursAt = await ours.CreateProxyAsync("bench_pass", sink.HostPort);
        IPEndPoint? theirsAt = theirs is null ? null : await theirs.CreateProxyAsync("bench_pass", sink.HostPort);
        using var plain = new PlainCopyProxy(sink.Endpoint);
        ThroughputBench.Upload direct = default, evil = default, toxi = default, copy = default;
        for (int round = 0; round < settings.ThroughputRounds; round++)
        {
            direct = Best(direct, await UploadAsync(sink.Endpoint, settings.ThroughputBytes));
            evil = Best(evil, await UploadAsync(oursAt, settings.ThroughputBytes));
            if (theirsAt is not null) toxi = Best(toxi, await UploadAsync(theirsAt, settings.ThroughputBytes));
            copy = Best(copy, await UploadAsync(plain.Endpoint, settings.ThroughputBytes));
        }

        string latency = """{"type":"latency","stream":"upstream","attributes":{"latency":100}}""";
        await ours.AddToxicAsync("bench_pass", latency);
        double evilLatency = (await UploadAsync(oursAt, settings.ThroughputBytes)).MBps;
        double? toxiLatency = null;
        if (theirs is not null)
        {
            await theirs.AddToxicAsync("bench_pass", latency);
            toxiLatency = (await UploadAsync(theirsAt!, settings.ThroughputBytes / 4)).MBps;
        }

        string d = $"{direct.MBps:F0} MB/s direct";
        return
        [
            new("passthrough, direct / EvilPeer / Toxiproxy / plain copy",
                $"{d}, {copy.MBps:F0} MB/s plain copy ({copy.MBps / direct.MBps:F2}x)",
                $"EvilPeer {evil.MBps:F0} MB/s ({evil.MBps / direct.MBps:F2}x direct)",
                theirs is null ? ApiServerProcess.ToxiproxyMissing : $"Toxiproxy {toxi.MBps:F0} MB/s ({toxi.MBps / direct.MBps:F2}x direct): EvilPeer {evil.MBps / toxi.MBps:F2}x Toxiproxy",
                ">= 2.5x Toxiproxy, >= plain copy", theirs is null ? evil.MBps >= copy.MBps * 0.95 : evil.MBps >= 2.5 * toxi.MBps && evil.MBps >= copy.MBps * 0.95),
            new("100 ms latency toxic, EvilPeer vs Toxiproxy", theirs is null ? ApiServerProcess.ToxiproxyMissing : $"Toxiproxy {toxiLatency:F0} MB/s",
                $"EvilPeer {evilLatency:F0} MB/s", theirs is null ? "-" : $"{evilLatency / toxiLatency:F1}x Toxiproxy",
                ">= 500 MB/s, ahead of Toxiproxy", evilLatency >= 500 && (toxiLatency is null || evilLatency > toxiLatency)),
        ];
    }

    private static async Task<BenchRow[]> RoundTripAsync(BenchSettings settings, ApiServerProcess ours, ApiServerProcess? theirs)
    {
        const int block = 250;
        await using BenchServer echo = BenchServer.Echo();
        using Socket direct = await Client.ConnectAsync(echo.Endpoint);
        using Socket evil = await Client.ConnectAsync(await ours.CreateProxyAsync("bench_rtt", echo.HostPort));
        using Socket? toxi = theirs is null ? null : await Client.ConnectAsync(await theirs.CreateProxyAsync("bench_rtt", echo.HostPort));
        foreach (Socket? s in new[] { direct, evil, toxi }) if (s is not null) await RoundTripBench.PingAsync(s, block);
        List<double> d = [], e = [], t = [];
        for (int done = 0; done < settings.RoundTrips; done += block)
        {
            d.AddRange(await RoundTripBench.PingAsync(direct, block));
            e.AddRange(await RoundTripBench.PingAsync(evil, block));
            if (toxi is not null) t.AddRange(await RoundTripBench.PingAsync(toxi, block));
        }
        double directMedian = RoundTripBench.Percentile(d, 50), oursMedian = RoundTripBench.Percentile(e, 50) - directMedian;
        double? theirsMedian = t.Count == 0 ? null : RoundTripBench.Percentile(t, 50) - directMedian;
        // The tail is compared as is: on a shared machine direct's p99 can exceed a proxy's, and a
        // difference of tails is no tail.
        double directP99 = RoundTripBench.Percentile(d, 99), oursP99 = RoundTripBench.Percentile(e, 99);
        double? theirsP99 = t.Count == 0 ? null : RoundTripBench.Percentile(t, 99);
        return
        [
            new("added round trip, median, EvilPeer vs Toxiproxy",
                theirsMedian is null ? $"{directMedian:F0} us direct; {ApiServerProcess.ToxiproxyMissing}" : $"{directMedian:F0} us direct, Toxiproxy +{theirsMedian:F0} us",
                $"EvilPeer +{oursMedian:F0} us", theirsMedian is null ? "-" : $"{oursMedian / theirsMedian:F2}x Toxiproxy's",
                "<= 50 us, below Toxiproxy", oursMedian <= 50 && (theirsMedian is null || oursMedian < theirsMedian)),
            new("round trip p99, EvilPeer vs Toxiproxy",
                theirsP99 is null ? $"{directP99:F0} us direct; {ApiServerProcess.ToxiproxyMissing}" : $"{directP99:F0} us direct, Toxiproxy {theirsP99:F0} us",
                $"EvilPeer {oursP99:F0} us", theirsP99 is null ? "-" : $"{oursP99 / theirsP99:F2}x Toxiproxy's",
                "below Toxiproxy", theirsP99 is null ? null : oursP99 < theirsP99),
        ];
    }

    private static async Task<BenchRow> BandwidthAsync(BenchSettings settings, ApiServerProcess ours, ApiServerProcess? theirs)
    {
        await using BenchServer source = BenchServer.SendOnRequest(new byte[480_000]);
        string toxic = """{"type":"bandwidth","attributes":{"rate":1000}}""";
        async Task<double> MedianAsync(ApiServerProcess server)
        {
            IPEndPoint at = await server.CreateProxyAsync("bench_bw", source.HostPort);
            await server.AddToxicAsync("bench_bw", toxic);
            var times = new List<double>();
            for (int run = 0; run < settings.AccuracyRuns; run++)
            {
                using Socket client = await Client.ConnectAsync(at);
                var watch = Stopwatch.StartNew();
                await client.SendAsync(new byte[1]);
                if (await Client.ReadToEndAsync(client) != 480_000) throw new InvalidOperationException($"{server.Name}: short download");
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return RoundTripBench.Percentile(times, 50);
        }
        double evil = await MedianAsync(ours);
        double? toxi = theirs is null ? null : await MedianAsync(theirs);
        static string Error(double ms) => $"{(ms - 480) / 480 * 100:+0.0;-0.0} %";
        return new("bandwidth 480 KB at 1000 KB/s, EvilPeer vs Toxiproxy",
            toxi is null ? ApiServerProcess.ToxiproxyMissing : $"Toxiproxy {toxi:F1} ms ({Error(toxi.Value)})",
            $"EvilPeer {evil:F1} ms", $"{Error(evil)} of 480 ms", "+-2 %", Math.Abs(evil - 480) / 480 <= 0.02);
    }

    private static async Task<BenchRow> IdleMemoryAsync(BenchSettings settings, ApiServerProcess ours, ApiServerProcess? theirs)
    {
        await using BenchServer echo = BenchServer.Echo(bufferSize: 16);
        async Task<double> PerConnectionAsync(ApiServerProcess server)
        {
            IPEndPoint at = await server.CreateProxyAsync("bench_idle", echo.HostPort);
            await Task.Delay(200);
            long before = server.ResidentBytes();
            var sockets = new List<Socket>();
            var one = new byte[1];
            try
            {
                for (int i = 0; i < settings.IdleConnections; i++)
                {
                    Socket socket = await Client.ConnectAsync(at);
                    sockets.Add(socket);
                    await socket.SendAsync(one);
                    await Client.ReadExactlyAsync(socket, one);
                }
                await Task.Delay(500);
                return (server.ResidentBytes() - before) / (double)settings.IdleConnections;
            }
            finally
            {
                foreach (Socket socket in sockets) socket.Dispose();
                await server.DeleteProxyAsync("bench_idle");
            }
        }
        double evil = await PerConnectionAsync(ours);
        double? toxi = theirs is null ? null : await PerConnectionAsync(theirs);
        return new($"resident memory per idle connection ({settings.IdleConnections:N0} conns), EvilPeer vs Toxiproxy",
            toxi is null ? ApiServerProcess.ToxiproxyMissing : $"Toxiproxy {toxi / 1024:F1} KB",
            $"EvilPeer {evil / 1024:F1} KB", toxi is null ? "-" : $"{evil / toxi:F2}x Toxiproxy's", "(reported)", null);
    }

    /// <returns>MB/s (10^6 bytes) from the first send until the sink confirmed the last byte.</returns>
    private static async Task<ThroughputBench.Upload> UploadAsync(IPEndPoint target, long bytes)
    {
        using Socket socket = await Client.ConnectAsync(target);
        var chunk = new byte[256 * 1024];
        var watch = Stopwatch.StartNew();
        await socket.SendAsync(BitConverter.GetBytes(bytes));
        for (long sent = 0; sent < bytes; sent += chunk.Length) await socket.SendAsync(chunk);
        var done = new byte[1];
        await Client.ReadExactlyAsync(socket, done);
        return new ThroughputBench.Upload(bytes / 1e6 / watch.Elapsed.TotalSeconds, 0, 0);
    }

    private static BenchServer CountingSink() => new(async socket =>
    {
        var header = new byte[8];
        await Client.ReadExactlyAsync(socket, header);
        long expected = BitConverter.ToInt64(header), total = 0;
        var buffer = new byte[256 * 1024];
        while (total < expected)
        {
            int n = await socket.ReceiveAsync(buffer);
            if (n == 0) return;
            total += n;
        }
        await socket.SendAsync(new byte[1]);
    });

    private static ThroughputBench.Upload Best(ThroughputBench.Upload a, ThroughputBench.Upload b) => b.MBps > a.MBps ? b : a;
}
