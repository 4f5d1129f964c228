using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Peers.Serve;

public sealed class ServeTests
{
    private static readonly byte[] Bytes = PayloadGenerator.Generate(seed: 7, length: 1000);

    private static Task<Peer> Start(ServeBehaviour serve, RecordingPeerSink? sink = null) =>
        PeerHost.StartAsync(new PeerOptions("EP", serve), sink);

    [Fact]
    public async Task Whole_payload_then_fin()
    {
        var sink = new RecordingPeerSink();
        await using var peer = await Start(new ServeBehaviour(Bytes), sink);
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        var download = await LoopbackClient.DownloadAsync(client);

        download.EndedWithFin.Should().BeTrue();
        download.Bytes.Should().Equal(Bytes);
        await peer.WaitForConnectionsAsync(1, LoopbackClient.Bound);
        peer.Stats.BytesServed.Should().Be(1000);
        peer.Stats.FinsSent.Should().Be(1);
        sink.Names(1).Should().ContainInOrder("accept", "write", "fin", "done");
        sink.Events.Should().Contain(e => e.Name == "listen" && e.ConnectionId == 0 && e.Actor == "EP");
    }

    [Fact]
    public async Task Close_after_n_bytes_is_a_fin_after_exactly_n()
    {
        await using var peer = await Start(new ServeBehaviour(Bytes, slice: 64, closeAfter: 300));
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        var download = await LoopbackClient.DownloadAsync(client);

        download.EndedWithFin.Should().BeTrue();
        download.Bytes.Should().Equal(Bytes[..300]);
    }

    [Fact]
    public async Task Hard_reset_after_n_bytes_surfaces_as_connection_reset()
    {
        // The hold lets the client's connect finish first: an RST racing the handshake fails the connect itself.
        await using var peer = await Start(new ServeBehaviour(Bytes, closeAfter: 300, hardReset: true, holdMs: 100));
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);
        await peer.WaitForConnectionsAsync(1, LoopbackClient.Bound); // the RST has been sent

        var download = await LoopbackClient.DownloadAsync(client);

        download.Error.Should().Be(SocketError.ConnectionReset);
        download.Bytes.Length.Should().BeLessThanOrEqualTo(300);
        Bytes.AsSpan(0, download.Bytes.Length).SequenceEqual(download.Bytes).Should().BeTrue("what arrived is a clean prefix");
        peer.Stats.ResetsSent.Should().Be(1);
        peer.Stats.FinsSent.Should().Be(0);
    }

    [Fact]
    public async Task Slices_with_delay_leave_as_separate_writes_and_take_the_sum_of_delays()
    {
        var sink = new RecordingPeerSink();
        await using var peer = await Start(new ServeBehaviour(Bytes[..50], slice: 10, delayMs: 40), sink);
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        var download = await LoopbackClient.DownloadAsync(client);

        download.Bytes.Should().Equal(Bytes[..50]);
        // Timed by the peer's own write events, and the client's reads not counted: a client scheduled late on a loaded
        // machine sees a shorter interval (146 ms for 160 ms of delays in one CI run) and may take the slices together.
        var writes = sink.Named("write").Where(e => e.ConnectionId == 1).ToArray();
        writes.Should().HaveCount(5);
        // Timers run on a coarser clock than the stopwatch's: by the stopwatch each 40 ms wait may end a few ms early
        // (154.4 ms for the four in one CI run).
        System.Diagnostics.Stopwatch.GetElapsedTime(writes[0].Timestamp, writes[^1].Timestamp)
            .Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(4 * (40 - 4)), "4 delays of 40 ms lie between the first slice and the last");
        sink.Names(1).Count(n => n == "delay").Should().Be(4);
    }

    [Fact]
    public async Task Hold_keeps_the_connection_open_before_closing()
    {
        await using var peer = await Start(new ServeBehaviour(Bytes[..10], holdMs: 300));
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        var download = await LoopbackClient.DownloadAsync(client);

        download.EndedWithFin.Should().BeTrue();
        download.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Half_open_stops_sending_and_closes_only_when_the_peer_is_disposed()
    {
        var peer = await Start(new ServeBehaviour(Bytes, closeAfter: 100, halfOpen: true));
        try
        {
            using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);
            var received = new byte[100];
            int got = 0;
            while (got < 100) got += await client.ReceiveAsync(received.AsMemory(got)).AsTask().WaitAsync(LoopbackClient.Bound);

            (await LoopbackClient.ReadStaysPendingAsync(client, TimeSpan.FromMilliseconds(300))).Should().BeTrue();
            await peer.DisposeAsync();

            var rest = await LoopbackClient.DownloadAsync(client);
            rest.EndedWithFin.Should().BeTrue();
            rest.Bytes.Should().BeEmpty();
        }
        finally
        {
            await peer.DisposeAsync();
        }
    }

    [Fact]
    public async Task Serves_concurrent_connections()
    {
        await using var peer = await Start(new ServeBehaviour(Bytes, slice: 100, delayMs: 5));
        using var a = await LoopbackClient.ConnectAsync(peer.EndPoint);
        using var b = await LoopbackClient.ConnectAsync(peer.EndPoint);

        var both = await Task.WhenAll(LoopbackClient.DownloadAsync(a), LoopbackClient.DownloadAsync(b));

        both.Should().AllSatisfy(d => d.Bytes.Should().Equal(Bytes));
        peer.Stats.ConnectionsAccepted.Should().Be(2);
    }
}
