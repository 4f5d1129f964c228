using System.Diagnostics;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Proxy;

namespace ChaosFeatures.Benchmarks;

/// <summary>64-byte ping-pong against an echo server, direct and through the passthrough proxy, interleaved in blocks so both see the same machine.</summary>
internal static class RoundTripBench
{
    private const int Block = 250;

    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        await using BenchServer echo = BenchServer.Echo();
        await using var proxy = new ToxicProxy(new ToxicProxyOptions { Name = "rtt", Upstream = echo.HostPort });
        await proxy.StartAsync();
        using Socket direct = await Client.ConnectAsync(echo.Endpoint);
        using Socket proxied = await Client.ConnectAsync(proxy.ListenEndpoint);

        await PingAsync(direct, Block);
        await PingAsync(proxied, Block); // warm-up: JIT and tiering
        var directTimes = new List<double>();
        var proxiedTimes = new List<double>();
        for (int done = 0; done < settings.RoundTrips; done += Block)
        {
            directTimes.AddRange(await PingAsync(direct, Block));
            proxiedTimes.AddRange(await PingAsync(proxied, Block));
        }

        double directMedian = Percentile(directTimes, 50), proxiedMedian = Percentile(proxiedTimes, 50);
        double directP99 = Percentile(directTimes, 99), proxiedP99 = Percentile(proxiedTimes, 99);
        double added = proxiedMedian - directMedian;
        return
        [
            new("added round trip, median", $"{directMedian:F0} us direct", $"{proxiedMedian:F0} us", $"+{added:F0} us", "<= 50 us", added <= 50),
            new("added round trip, p99", $"{directP99:F0} us direct", $"{proxiedP99:F0} us", $"+{proxiedP99 - directP99:F0} us", "(reported)", null),
        ];
    }

    /// <returns>Microseconds per round trip.</returns>
    internal static async Task<double[]> PingAsync(Socket socket, int count)
    {
        var message = new byte[64];
        var reply = new byte[64];
        var times = new double[count];
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await socket.SendAsync(message);
            await Client.ReadExactlyAsync(socket, reply);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        return times;
    }

    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        double[] sorted = [.. values.Order()];
        return sorted[(int)Math.Clamp(Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
