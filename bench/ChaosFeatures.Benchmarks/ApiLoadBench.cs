using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Benchmarks;

/// <summary>
/// The control plane under load (Toxiproxy's #558): 1,000 proxied connections stream while a
/// dedicated thread adds, lists and removes toxics in a loop; every API call is timed from that
/// thread with blocking calls, so the figure is the server's. Ours and Toxiproxy, same load.
/// Each server first runs the same loop once untimed: the first pass measures start-up (our JIT
/// compiling the toxics' code while two cores are saturated, the pools growing), not the control
/// plane's steady state; its p99 is still shown, as "cold".
/// </summary>
internal static class ApiLoadBench
{
    private const int Connections = 1_000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    private static readonly string[] Toxics =
    [
        """{"type":"latency","name":"churn_latency","attributes":{"latency":50,"jitter":10}}""",
        """{"type":"bandwidth","name":"churn_bandwidth","attributes":{"rate":1000}}""",
        """{"type":"slicer","name":"churn_slicer","attributes":{"average_size":1024,"size_variation":128}}""",
        """{"type":"slow_close","name":"churn_slow_close","attributes":{"delay":100}}""",
    ];

    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        int rounds = settings == BenchSettings.Quick ? 30 : 100;
        Pass ours, theirs = default;
        await using (ApiServerProcess server = await ApiServerProcess.StartEvilPeerAsync()) ours = await MeasureAsync(server, rounds);
        string? path = ApiServerProcess.ToxiproxyPath;
        if (path is not null)
        {
            await using ApiServerProcess server = await ApiServerProcess.StartToxiproxyAsync(path);
            theirs = await MeasureAsync(server, rounds);
        }
        return
        [
            new($"API p99 while {Connections:N0} connections stream and toxics churn, EvilPeer vs Toxiproxy",
                path is null ? ApiServerProcess.ToxiproxyMissing : $"Toxiproxy p99 {theirs.P99:F1} ms (median {theirs.Median:F1}, {theirs.Calls} calls; cold {theirs.ColdP99:F1})",
                $"EvilPeer p99 {ours.P99:F1} ms (median {ours.Median:F1}, {ours.Calls} calls; cold {ours.ColdP99:F1})",
                path is null ? "-" : $"{ours.P99 / theirs.P99:F2}x Toxiproxy's", "<= 50 ms", ours.P99 <= 50),
        ];
    }

    /// <summary>The timed pass's p99 and median, and the untimed first pass's p99 (start-up included).</summary>
    private readonly record struct Pass(double P99, double Median, int Calls, double ColdP99);

    private static async Task<Pass> MeasureAsync(ApiServerProcess server, int rounds)
    {
        // 4 KB every 50 ms per connection: 80 MB/s through the proxy in all.
        await using var upstream = new BenchServer(async socket =>
        {
            var chunk = new byte[4096];
            while (true)
            {
                await socket.SendAsync(chunk);
                await Task.Delay(50);
            }
        });
        IPEndPoint at = await server.CreateProxyAsync("load", upstream.HostPort);
        var clients = new List<Socket>();
        using var stop = new CancellationTokenSource();
        var readers = new List<Task>();
        try
        {
            for (int i = 0; i < Connections; i++)
            {
                Socket client = await Client.ConnectAsync(at);
                clients.Add(client);
                readers.Add(DrainAsync(client, stop.Token));
            }
            await Task.Delay(500);
            List<double> cold = await Task.Factory.StartNew(() => Churn(server, rounds), TaskCreationOptions.LongRunning);
            List<double> times = await Task.Factory.StartNew(() => Churn(server, rounds), TaskCreationOptions.LongRunning);
            return new(RoundTripBench.Percentile(times, 99), RoundTripBench.Percentile(times, 50), times.Count, RoundTripBench.Percentile(cold, 99));
        }
        finally
        {
            stop.Cancel();
            foreach (Socket client in clients) client.Dispose();
            await Task.WhenAll(readers);
            await server.DeleteProxyAsync("load");
        }
    }

    private static List<double> Churn(ApiServerProcess server, int rounds)
    {
        var times = new List<double>();
        var budget = Stopwatch.StartNew();
        for (int round = 0; round < rounds && budget.Elapsed < Budget; round++)
        {
            string toxic = Toxics[round % Toxics.Length];
            string name = toxic.Split("\"name\":\"")[1].Split('"')[0];
            times.Add(Timed(() => server.Send("POST", "/proxies/load/toxics", toxic)));
            times.Add(Timed(() => server.Send("GET", "/proxies", null)));
            times.Add(Timed(() => server.Send("DELETE", $"/proxies/load/toxics/{name}", null)));
        }
        return times;
    }

    private static double Timed(Action call)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            call();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // A call that does not answer within the client's 30 s counts as what it cost.
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static async Task DrainAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, stop) > 0) { }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped, or a churned timeout toxic closed the connection on removal.
        }
    }
}
