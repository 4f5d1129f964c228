using System.Diagnostics;
using System.Net;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChaosFeatures.Benchmarks;

/// <summary>
/// One GET of a 256-byte body over a kept-alive connection: through the HTTP peer (no faults) and
/// to a plain Kestrel endpoint serving the same bytes, interleaved in blocks so both see the same machine.
/// </summary>
internal static class HttpBench
{
    private const int Block = 100;
    private static readonly byte[] Body = new byte[256];

    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        await using Peer peer = await PeerHost.StartAsync(new PeerOptions("bench", new HttpBehaviour(HttpScript.Always(HttpResponsePlan.Of(200, Body)))));
        await using WebApplication kestrel = await StartKestrelAsync();
        string kestrelUrl = kestrel.Urls.First() + "/";
        using var toPeer = new HttpClient();
        using var toKestrel = new HttpClient();
        string peerUrl = $"http://{peer.EndPoint}/";

        await GetAsync(toPeer, peerUrl, Block);
        await GetAsync(toKestrel, kestrelUrl, Block); // warm-up: JIT, tiering, connections
        var peerTimes = new List<double>();
        var kestrelTimes = new List<double>();
        int requests = Math.Max(Block, settings.RoundTrips / 4);
        for (int done = 0; done < requests; done += Block)
        {
            kestrelTimes.AddRange(await GetAsync(toKestrel, kestrelUrl, Block));
            peerTimes.AddRange(await GetAsync(toPeer, peerUrl, Block));
        }
        double km = RoundTripBench.Percentile(kestrelTimes, 50), pm = RoundTripBench.Percentile(peerTimes, 50);
        double k99 = RoundTripBench.Percentile(kestrelTimes, 99), p99 = RoundTripBench.Percentile(peerTimes, 99);
        return
        [
            new("HTTP GET 256 B via HTTP peer, median", $"{km:F0} us Kestrel", $"{pm:F0} us", $"{pm / km:F2}x", "(reported)", null),
            new("HTTP GET 256 B via HTTP peer, p99", $"{k99:F0} us Kestrel", $"{p99:F0} us", $"{p99 / k99:F2}x", "(reported)", null),
        ];
    }

    /// <returns>Microseconds per request, body read to its end.</returns>
    private static async Task<double[]> GetAsync(HttpClient client, string url, int count)
    {
        var times = new double[count];
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            byte[] body = await client.GetByteArrayAsync(url);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (body.Length != Body.Length) throw new InvalidOperationException($"got {body.Length} bytes from {url}");
        }
        return times;
    }

    private static async Task<WebApplication> StartKestrelAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.MapGet("/", (HttpContext context) => context.Response.Body.WriteAsync(Body).AsTask());
        await app.StartAsync();
        return app;
    }
}
