using System.Diagnostics;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics.Latency;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Toxics;

public sealed class ToxicityTests
{
    [Theory]
    [InlineData(0.0, false)]
    [InlineData(1.0, true)]
    public async Task Toxicity_zero_never_fires_and_one_always_does(double toxicity, bool fires)
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new LatencyOptions { Latency = 200, Toxicity = toxicity });
        var total = TimeSpan.Zero;
        for (int i = 0; i < 8; i++)
        {
            using Socket client = await harness.ConnectAsync();
            var watch = Stopwatch.StartNew();
            await LoopbackClient.SendAsync(client, [1]);
            await LoopbackClient.ReadExactlyAsync(client, 1);
            total += watch.Elapsed;
            // A delay proves the toxic fired; its absence proves little on a loaded machine, so the
            // silent case is judged by the decisions below and the round trips' sum.
            if (fires) watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190), $"connection {i}, toxicity {toxicity}");
        }
        harness.Sink.Named("toxic").Should().HaveCount(8).And.OnlyContain(e => (bool)RecordingPeerSink.Field(e, "active")! == fires);
        if (!fires) total.Should().BeLessThan(TimeSpan.FromMilliseconds(8 * 190), "eight firings would have added 1.6 s");
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_draws_and_another_seed_other_draws()
    {
        double[] first = await Draws(seed: 5);
        double[] again = await Draws(seed: 5);
        double[] other = await Draws(seed: 6);

        first.Should().HaveCount(6).And.Equal(again);
        other.Should().NotEqual(first);
        first.Count(d => d < 0.5).Should().BeInRange(1, 5, "toxicity 0.5 over 6 draws should neither always nor never fire with these seeds");
    }

    [Fact]
    public async Task Toxicity_is_redrawn_when_the_chain_changes()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new LatencyOptions { Latency = 1, Toxicity = 0.5 });
        using Socket client = await harness.ConnectedEchoAsync();

        harness.Proxy.AddToxic(new LatencyOptions { Latency = 1, Name = "second" });

        // The idle connection takes the change from the proxy's rollout, moments after the call returned.
        PeerEvent[] Draws() => [.. harness.Sink.Named("toxic").Where(e => (string)RecordingPeerSink.Field(e, "toxic")! == "latency_downstream")];
        await harness.Sink.WaitForAsync(() => Draws().Length >= 2, TimeSpan.FromSeconds(5));
        PeerEvent[] draws = Draws();
        draws.Should().HaveCount(2);
        RecordingPeerSink.Field(draws[0], "draw").Should().NotBe(RecordingPeerSink.Field(draws[1], "draw"));
    }

    private static async Task<double[]> Draws(ulong seed)
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), seed, new LatencyOptions { Latency = 1, Toxicity = 0.5 });
        for (int i = 0; i < 6; i++) (await harness.ConnectedEchoAsync()).Dispose();
        return [.. harness.Sink.Named("toxic").OrderBy(e => e.ConnectionId).Select(e => (double)RecordingPeerSink.Field(e, "draw")!)];
    }
}
