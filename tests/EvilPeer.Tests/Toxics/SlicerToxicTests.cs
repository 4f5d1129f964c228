using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics.Slicer;

namespace ChaosFeatures.EvilPeer.Tests.Toxics;

public sealed class SlicerToxicTests
{
    [Fact]
    public async Task One_server_write_arrives_as_many_small_reads()
    {
        byte[] payload = ClientSocket.Payload(200);
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Serving(payload), 1,
            new SlicerOptions { AverageSize = 20, SizeVariation = 5, Delay = 15_000 });
        using Socket client = await harness.ConnectAsync();

        ReadOutcome outcome = await ClientSocket.ReadToEndAsync(client);

        outcome.Bytes.Should().Equal(payload);
        // About 10 slices, 15 ms apart: even a starved client reader sees several separate reads.
        outcome.Reads.Should().BeGreaterThan(3);
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(90), "slices are spaced by the delay");
    }
}
