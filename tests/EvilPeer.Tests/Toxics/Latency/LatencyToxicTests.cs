using System.Diagnostics;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Latency;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Toxics.Latency;

public sealed class LatencyToxicTests
{
    [Fact]
    public async Task A_round_trip_takes_at_least_the_latency_of_both_directions()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1,
            new LatencyOptions { Latency = 100 }, new LatencyOptions { Latency = 50, Stream = ToxicStream.Upstream });
        using Socket client = await harness.ConnectAsync();

        var watch = Stopwatch.StartNew();
        await LoopbackClient.SendAsync(client, [42]);
        await LoopbackClient.ReadExactlyAsync(client, 1);

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(145)).And.BeLessThan(TimeSpan.FromSeconds(2));
        harness.Sink.Named("delay").Should().HaveCount(2);
    }

    [Fact]
    public async Task Delays_are_pipelined_not_stop_and_wait()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new LatencyOptions { Latency = 100 });
        using Socket client = await harness.ConnectAsync();
        byte[] payload = LoopbackClient.Payload(8_000_000); // hundreds of chunks: stop-and-wait would take tens of seconds

        var watch = Stopwatch.StartNew();
        Task send = LoopbackClient.SendAsync(client, payload);
        byte[] echoed = await LoopbackClient.ReadExactlyAsync(client, payload.Length, TimeSpan.FromSeconds(20));
        await send;

        echoed.Should().Equal(payload);
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(95)).And.BeLessThan(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Jitter_stays_within_latency_plus_or_minus_jitter()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new LatencyOptions { Latency = 60, Jitter = 40 });
        using Socket client = await harness.ConnectAsync();
        for (int i = 0; i < 10; i++)
        {
            await LoopbackClient.SendAsync(client, [(byte)i]);
            await LoopbackClient.ReadExactlyAsync(client, 1);
        }

        harness.Sink.Named("delay").Select(e => (long)RecordingPeerSink.Field(e, "ms")!).Should()
            .HaveCount(10).And.OnlyContain(ms => ms >= 20 && ms <= 100).And.Match(ms => ms.Distinct().Count() > 1);
    }
}
