using System.Net.Sockets;
using System.Security.Authentication;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Tls;

/// <summary>
/// A serving peer over TLS with each fault, read by a real SslStream client (OpenSSL 3 underneath).
/// The assertions are what that client was seen to do.
/// </summary>
public sealed class TlsPeerTests
{
    private static readonly byte[] Bytes = PayloadGenerator.Generate(seed: 3, length: 5000);
    private static readonly TimeSpan ShortBound = TimeSpan.FromSeconds(1);

    private static Task<Peer> Start(TlsOptions tls, ServeBehaviour? serve = null, RecordingPeerSink? sink = null) =>
        PeerHost.StartAsync(new PeerOptions("EP", serve ?? new ServeBehaviour(Bytes), tls: tls), sink);

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task A_trusted_certificate_serves_the_payload_and_ends_with_close_notify(SslProtocols protocol)
    {
        var sink = new RecordingPeerSink();
        await using var peer = await Start(new TlsOptions(protocols: protocol), sink: sink);

        var result = await TlsLoopbackClient.DownloadAsync(peer.EndPoint);

        result.Error.Should().BeNull();
        result.Received.Should().Equal(Bytes);
        result.Protocol.Should().Be(protocol);
        await peer.WaitForConnectionsAsync(1, TlsLoopbackClient.Bound);
        peer.Stats.TlsHandshakes.Should().Be(1);
        peer.Stats.BytesServed.Should().Be(Bytes.Length, "stats count plaintext bytes");
        sink.Names(1).Should().ContainInOrder("accept", "tls_handshake", "write", "tls_close_notify", "fin", "done");
    }

    [Theory]
    [InlineData(TlsFaultKind.StopAfterClientHello, SslProtocols.Tls12)]
    [InlineData(TlsFaultKind.StopAfterClientHello, SslProtocols.Tls13)]
    [InlineData(TlsFaultKind.StopAfterServerHello, SslProtocols.Tls12)]
    [InlineData(TlsFaultKind.StopAfterServerHello, SslProtocols.Tls13)]
    public async Task A_handshake_stopped_by_fin_is_an_unexpected_eof_before_the_handshake_completes(TlsFaultKind fault, SslProtocols protocol)
    {
        var sink = new RecordingPeerSink();
        await using var peer = await Start(new TlsOptions(fault: fault, protocols: protocol), sink: sink);

        var result = await TlsLoopbackClient.DownloadAsync(peer.EndPoint);

        result.HandshakeCompleted.Should().BeFalse();
        result.Error.Should().BeOfType<IOException>().Which.Message.Should().Contain("unexpected EOF");
        result.SocketError.Should().BeNull("a FIN, not a reset");
        await peer.WaitForConnectionsAsync(1, TlsLoopbackClient.Bound);
        peer.Stats.TlsFaults.Should().Be(1);
        peer.Stats.TlsHandshakes.Should().Be(0);
        peer.Stats.FinsSent.Should().Be(1);
        sink.Names(1).Should().ContainInOrder("accept", "tls_fault", "fin", "done").And.NotContain("tls_close_notify");
    }

    [Theory]
    [InlineData(TlsFaultKind.StopAfterClientHello)]
    [InlineData(TlsFaultKind.StopAfterServerHello)]
    [InlineData(TlsFaultKind.MidRecord)]
    public async Task A_stop_by_reset_is_a_connection_reset(TlsFaultKind fault)
    {
        await using var peer = await Start(new TlsOptions(fault: fault, stop: TlsStopMode.Reset));

        var result = await TlsLoopbackClient.DownloadAsync(peer.EndPoint);

        result.SocketError.Should().Be(SocketError.ConnectionReset);
        result.HandshakeCompleted.Should().Be(fault == TlsFaultKind.MidRecord);
        result.Received.Should().BeEmpty();
        await peer.WaitForConnectionsAsync(1, TlsLoopbackClient.Bound); // the client can see the RST before the peer counts it
        peer.Stats.ResetsSent.Should().Be(1);
    }

    [Theory]
    [InlineData(TlsFaultKind.StopAfterClientHello)]
    [InlineData(TlsFaultKind.StopAfterServerHello)]
    [InlineData(TlsFaultKind.MidRecord)]
    public async Task A_stop_with_hold_leaves_the_client_waiting_until_its_own_timeout(TlsFaultKind fault)
    {
        await using var peer = await Start(new TlsOptions(fault: fault, stop: TlsStopMode.Hold));

        var result = await TlsLoopbackClient.DownloadAsync(peer.EndPoint, bound: ShortBound);

        result.Error.Should().BeAssignableTo<OperationCanceledException>();
        result.Elapsed.Should().BeGreaterThanOrEqualTo(ShortBound - TimeSpan.FromMilliseconds(50));
        result.HandshakeCompleted.Should().Be(fault == TlsFaultKind.MidRecord);
        peer.Stats.ConnectionsFinished.Should().Be(0, "the peer still holds the connection");
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task Half_a_record_then_fin_is_an_unexpected_eof_after_the_handshake(SslProtocols protocol)
    {
        await using var peer = await Start(new TlsOptions(fault: TlsFaultKind.MidRecord, protocols: protocol));

        var result = await TlsLoopbackClient.DownloadAsync(peer.EndPoint);

        result.HandshakeCompleted.Should().BeTrue();
        result.Received.Should().BeEmpty("half a record decrypts to nothing");
        result.Error.Should().BeOfType<IOException>().Which.Message.Should().Contain("unexpected EOF");
        peer.Stats.BytesServed.Should().Be(0, "the write that was cut is not counted as served");
    }

    [Fact]
    public async Task A_reset_after_the_handshake_reaches_the_client_after_its_handshake_completed()
    {
        await using var peer = await Start(new TlsOptions(fault: TlsFaultKind.ResetAfterHandshake));

        var result = await TlsLoopbackClient.DownloadAsync(peer.EndPoint);

        result.HandshakeCompleted.Should().BeTrue();
        result.SocketError.Should().Be(SocketError.ConnectionReset);
        peer.Stats.TlsHandshakes.Should().Be(1);
        peer.Stats.ResetsSent.Should().Be(1);
    }

    [Theory]
    [InlineData(TlsCertificateKind.Untrusted, "UntrustedRoot")]
    [InlineData(TlsCertificateKind.Expired, "NotTimeValid")]
    [InlineData(TlsCertificateKind.WrongHost, "RemoteCertificateNameMismatch")]
    public async Task A_bad_certificate_is_rejected_by_the_client_as_an_authentication_error(TlsCertificateKind kind, string reason)
    {
        foreach (var protocol in new[] { SslProtocols.Tls12, SslProtocols.Tls13 })
        {
            await using var peer = await Start(new TlsOptions(certificate: kind, protocols: protocol));

            var result = await TlsLoopbackClient.DownloadAsync(peer.EndPoint);

            result.HandshakeCompleted.Should().BeFalse();
            result.Error.Should().BeOfType<AuthenticationException>().Which.Message.Should().Contain(reason);
            result.Received.Should().BeEmpty();
            await peer.WaitForConnectionsAsync(1, TlsLoopbackClient.Bound);
            peer.Stats.Errors.Should().Be(0, $"{protocol}: a rejected bad certificate is the fault working, not a peer error");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Truncation_at_a_record_boundary_reads_as_a_clean_eof_like_close_notify(bool closeNotify)
    {
        var sink = new RecordingPeerSink();
        await using var peer = await Start(new TlsOptions(closeNotify: closeNotify), new ServeBehaviour(Bytes, closeAfter: 100), sink);

        var result = await TlsLoopbackClient.DownloadAsync(peer.EndPoint);

        // SslStream reports no truncation attack: without close_notify the read still returns 0.
        result.Error.Should().BeNull();
        result.Received.Should().Equal(Bytes[..100]);
        await peer.WaitForConnectionsAsync(1, TlsLoopbackClient.Bound);
        sink.Names(1).Contains("tls_close_notify").Should().Be(closeNotify);
    }

    [Fact]
    public async Task A_slow_handshake_delays_the_first_byte_by_at_least_the_delay()
    {
        await using var peer = await Start(new TlsOptions(handshakeDelayMs: 300));

        var result = await TlsLoopbackClient.DownloadAsync(peer.EndPoint);

        result.Received.Should().Equal(Bytes);
        result.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task A_tls12_renegotiation_is_followed_transparently_by_a_client_that_allows_it()
    {
        var sink = new RecordingPeerSink();
        await using var peer = await Start(new TlsOptions(fault: TlsFaultKind.Renegotiate, protocols: SslProtocols.Tls12), sink: sink);

        var result = await TlsLoopbackClient.DownloadAsync(peer.EndPoint);

        result.Error.Should().BeNull();
        result.Received.Should().Equal(Bytes);
        await peer.WaitForConnectionsAsync(1, TlsLoopbackClient.Bound);
        sink.Names(1).Should().ContainInOrder("tls_handshake", "tls_fault", "tls_renegotiated", "write");
    }

    [Fact]
    public async Task Stats_and_disposal_leave_no_connection_behind_while_a_stop_holds()
    {
        var peer = await Start(new TlsOptions(fault: TlsFaultKind.StopAfterServerHello, stop: TlsStopMode.Hold));
        var download = TlsLoopbackClient.DownloadAsync(peer.EndPoint);
        await Task.Delay(200);

        await peer.DisposeAsync().AsTask().WaitAsync(TlsLoopbackClient.Bound);

        var result = await download;
        result.HandshakeCompleted.Should().BeFalse();
        result.Error.Should().NotBeNull("disposal ends the held connection");
    }
}
