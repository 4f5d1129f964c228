using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics.Slicer;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Toxics.Slicer;

public sealed class SlicerToxicTests
{
    [Fact]
    public async Task One_server_write_arrives_as_many_small_reads()
    {
        byte[] payload = LoopbackClient.Payload(200);
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Serving(payload), 1,
            new SlicerOptions { AverageSize = 20, SizeVariation = 5, Delay = 15_000 });
        using Socket client = await harness.ConnectAsync();

        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client);

        outcome.Bytes.Should().Equal(payload);
        // The proxy's writes are what the slicer controls. How many reads the client needs is not asserted: a client
        // scheduled late on a busy machine finds every slice waiting and takes them in one read (a fresh-clone CI did).
        long[] writes = [.. harness.Sink.Named("write").Select(e => (long)RecordingPeerSink.Field(e, "bytes")!)];
        writes.Should().HaveCountGreaterThan(6).And.OnlyContain(bytes => bytes >= 1 && bytes <= 25);
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(90), "slices are spaced by the delay");
    }
}
