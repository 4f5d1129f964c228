using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Accept;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Tests.Peers.Consume;
using ChaosFeatures.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Peers.Accept;

public sealed class AcceptFaultTests
{
    private static readonly byte[] Bytes = PayloadGenerator.Generate(seed: 1, length: 100);

    private static Task<Peer> Start(AcceptFault fault, int? maxConnections = null) =>
        PeerHost.StartAsync(new PeerOptions("EP", new ServeBehaviour(Bytes), acceptFault: fault, maxConnections: maxConnections));

    [Fact]
    public async Task Refuse_gives_connection_refused()
    {
        await using var peer = await Start(AcceptFault.Refuse);

        var connect = () => LoopbackClient.ConnectAsync(peer.EndPoint);

        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
        peer.EndPoint.Port.Should().NotBe(0);
    }

    [Fact]
    public async Task Close_at_once_is_an_immediate_fin()
    {
        await using var peer = await Start(AcceptFault.CloseAtOnce());
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        var download = await LoopbackClient.DownloadAsync(client);

        download.EndedWithFin.Should().BeTrue();
        download.Bytes.Should().BeEmpty();
    }

    [Fact]
    public async Task Close_at_once_with_hard_reset_is_a_reset()
    {
        await using var peer = await Start(AcceptFault.CloseAtOnce(hardReset: true));
        SocketError? seen;
        try
        {
            using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);
            seen = (await LoopbackClient.DownloadAsync(client)).Error;
        }
        catch (SocketException e)
        {
            seen = e.SocketErrorCode; // the RST can beat the client's own view of the finished handshake
        }

        seen.Should().Be(SocketError.ConnectionReset);
    }

    [Fact]
    public async Task Delayed_accept_holds_back_the_first_byte()
    {
        await using var peer = await Start(AcceptFault.Delay(300));
        var connecting = System.Diagnostics.Stopwatch.GetTimestamp(); // the delay runs from the SYN, so the clock starts before connect
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        var download = await LoopbackClient.DownloadAsync(client, since: connecting);

        download.FirstByteAfter.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
        download.Bytes.Should().Equal(Bytes);
    }

    [Fact]
    public async Task Never_accept_completes_the_handshake_but_nothing_ever_arrives()
    {
        var peer = await Start(AcceptFault.NeverAccept);
        try
        {
            using var client = await LoopbackClient.ConnectAsync(peer.EndPoint); // the kernel answers the SYN

            (await LoopbackClient.ReadStaysPendingAsync(client, TimeSpan.FromMilliseconds(300))).Should().BeTrue();
            peer.Stats.ConnectionsAccepted.Should().Be(0);
        }
        finally
        {
            await peer.DisposeAsync();
        }
    }

    [Fact]
    public async Task Max_connections_refuses_the_next_connect()
    {
        await using var peer = await Start(AcceptFault.None, maxConnections: 1);
        using var first = await LoopbackClient.ConnectAsync(peer.EndPoint);
        (await LoopbackClient.DownloadAsync(first)).Bytes.Should().Equal(Bytes);
        await ConsumeTests.WaitUntil(() => peer.Stats.ConnectionsAccepted == 1);

        var second = () => LoopbackClient.ConnectAsync(peer.EndPoint);

        (await second.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
    }
}
