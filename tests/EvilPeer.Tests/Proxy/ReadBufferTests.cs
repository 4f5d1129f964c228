using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Proxy;

/// <summary>What a direction reads with, seen through its "read" events: small for a new burst, full size once data piles up.</summary>
public sealed class ReadBufferTests
{
    private const int FirstBuffer = 64 * 1024;
    private const int FullBuffer = 1024 * 1024; // ToxicProxyOptions.BufferSize's default

    [Fact]
    public async Task A_burst_starts_small_and_a_backlog_is_read_in_full_size_pieces()
    {
        byte[] payload = LoopbackClient.Payload(8 * 1024 * 1024);
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Serving(payload));
        using Socket client = await harness.ConnectAsync();
        await Task.Delay(300); // not reading yet: the server's 8 MB pile up in front of the proxy

        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client);

        outcome.End.Should().Be("eof");
        outcome.Bytes.Should().Equal(payload);
        long[] reads = [.. harness.Sink.Named("read")
            .Where(e => (string?)RecordingPeerSink.Field(e, "stream") == "downstream")
            .Select(e => (long)RecordingPeerSink.Field(e, "bytes")!)];
        reads.Sum().Should().Be(payload.Length);
        reads[0].Should().BeLessThanOrEqualTo(FirstBuffer, "a burst starts with the small buffer");
        reads.Max().Should().BeGreaterThan(FirstBuffer, "a backlog moves the reader up to the full buffer")
            .And.BeLessThanOrEqualTo(FullBuffer);
    }
}
