using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Bandwidth;
using ChaosFeatures.EvilPeer.Toxics.Latency;
using ChaosFeatures.EvilPeer.Toxics.Slicer;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Proxy;

/// <summary>Runs alone: its 100 busy clients would starve the timing assertions of tests running beside it.</summary>
[Collection(nameof(LiveChainTests))]
public sealed class LiveChainTests
{
    [Fact]
    public async Task Toxics_added_and_removed_in_a_loop_during_100_parallel_echo_round_trips_corrupt_nothing()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo());
        using var stop = new CancellationTokenSource();
        ToxicOptions[] churn =
        [
            new LatencyOptions { Latency = 2, Jitter = 2, Stream = ToxicStream.Upstream },
            new SlicerOptions { AverageSize = 700, SizeVariation = 300 },
            new BandwidthOptions { Rate = 5_000, Stream = ToxicStream.Upstream },
            new LatencyOptions { Latency = 1 },
        ];
        int changes = 0;
        Task churner = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (ToxicOptions toxic in churn) { harness.Proxy.AddToxic(toxic); changes++; await Task.Yield(); }
                foreach (ToxicOptions toxic in churn) { harness.Proxy.RemoveToxic(toxic.ResolvedName); changes++; await Task.Delay(1); }
            }
        });

        Task[] clients = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            using Socket client = await harness.ConnectAsync();
            for (int round = 0; round < 5; round++)
            {
                byte[] payload = LoopbackClient.Payload(20_000 + i * 97, seed: i * 10 + round);
                Task send = LoopbackClient.SendAsync(client, payload);
                byte[] echoed = await LoopbackClient.ReadExactlyAsync(client, payload.Length, TimeSpan.FromSeconds(60));
                await send;
                echoed.Should().Equal(payload, $"client {i} round {round} must get back exactly what it sent");
            }
        })).ToArray();

        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(90));
        stop.Cancel();
        await churner.WaitAsync(LoopbackClient.Bound);
        changes.Should().BeGreaterThan(8, "the chain must really have changed under load");
    }

    [Fact]
    public async Task Removing_a_slow_toxic_under_load_returns_at_once_and_releases_held_data()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new BandwidthOptions { Rate = 1 });
        using Socket client = await harness.ConnectAsync();
        byte[] payload = LoopbackClient.Payload(200_000);
        Task send = LoopbackClient.SendAsync(client, payload); // would take 200 s at 1 KB/s
        await Task.Delay(200);

        var removal = System.Diagnostics.Stopwatch.StartNew();
        harness.Proxy.RemoveToxic("bandwidth_downstream").Should().BeTrue();
        removal.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "at once, next to the 200 s the toxic would still need (generous for a loaded CI)");

        byte[] echoed = await LoopbackClient.ReadExactlyAsync(client, payload.Length);
        await send;
        echoed.Should().Equal(payload);
    }
}

[CollectionDefinition(nameof(LiveChainTests), DisableParallelization = true)]
public sealed class LiveChainCollection;
