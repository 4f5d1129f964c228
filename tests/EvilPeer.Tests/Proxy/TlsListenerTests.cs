using System.Net.Sockets;
using System.Security.Authentication;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Tests.Tls;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.LimitData;
using ChaosFeatures.EvilPeer.Toxics.Slicer;
using ChaosFeatures.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Proxy;

/// <summary>
/// The proxy terminating TLS towards a real SslStream client in front of a plain upstream: the same
/// faults as a TLS peer, toxics on the plaintext. Assertions are what the client was seen to do.
/// </summary>
public sealed class TlsListenerTests
{
    private static readonly byte[] Bytes = PayloadGenerator.Generate(seed: 9, length: 5000);
    private static readonly TimeSpan ShortBound = TimeSpan.FromSeconds(1);

    private static async Task<(LoopbackServer Server, ToxicProxy Proxy, RecordingPeerSink Sink)> StartAsync(TlsOptions tls, params ToxicOptions[] toxics)
    {
        var server = LoopbackServer.Serving(Bytes);
        var sink = new RecordingPeerSink();
        var proxy = new ToxicProxy(new ToxicProxyOptions { Name = "p", Upstream = server.HostPort, Events = sink, Tls = tls });
        foreach (var toxic in toxics) proxy.AddToxic(toxic);
        await proxy.StartAsync();
        return (server, proxy, sink);
    }

    private static async Task StopAsync(LoopbackServer server, ToxicProxy proxy)
    {
        await proxy.DisposeAsync().AsTask().WaitAsync(LoopbackClient.Bound);
        proxy.ConnectionCount.Should().Be(0, "disposing the proxy leaves no connection behind");
        await server.DisposeAsync();
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task A_plain_upstream_reaches_a_tls_client_intact_and_ends_with_close_notify(SslProtocols protocol)
    {
        var (server, proxy, sink) = await StartAsync(new TlsOptions(protocols: protocol));
        try
        {
            var result = await TlsLoopbackClient.DownloadAsync(proxy.ListenEndpoint);

            result.Error.Should().BeNull();
            result.Received.Should().Equal(Bytes);
            result.Protocol.Should().Be(protocol);
            proxy.TlsStats.Handshakes.Should().Be(1);
            sink.Events.Select(e => e.Name).Should().ContainInOrder("accept", "tls_handshake", "upstream_connect", "tls_close_notify", "fin");
        }
        finally { await StopAsync(server, proxy); }
    }

    [Fact]
    public async Task Toxics_act_on_the_plaintext_so_a_cut_after_n_bytes_leaves_exactly_n()
    {
        var (server, proxy, _) = await StartAsync(new TlsOptions(), new LimitDataOptions { Bytes = 1200 }, new SlicerOptions { AverageSize = 100 });
        try
        {
            var result = await TlsLoopbackClient.DownloadAsync(proxy.ListenEndpoint);

            result.HandshakeCompleted.Should().BeTrue();
            result.Received.Should().Equal(Bytes[..1200], "limit_data counts application bytes, not TLS records");
            result.Error.Should().BeNull("a FIN at a record boundary reads as a clean EOF: the toxic's cut sends no close_notify, and SslStream cannot tell");
        }
        finally { await StopAsync(server, proxy); }
    }

    [Theory]
    [InlineData(TlsFaultKind.StopAfterClientHello, TlsStopMode.Fin)]
    [InlineData(TlsFaultKind.StopAfterServerHello, TlsStopMode.Fin)]
    [InlineData(TlsFaultKind.StopAfterClientHello, TlsStopMode.Reset)]
    [InlineData(TlsFaultKind.StopAfterServerHello, TlsStopMode.Reset)]
    public async Task A_stopped_handshake_never_dials_upstream_and_ends_as_asked(TlsFaultKind fault, TlsStopMode stop)
    {
        var (server, proxy, sink) = await StartAsync(new TlsOptions(fault: fault, stop: stop));
        try
        {
            var result = await TlsLoopbackClient.DownloadAsync(proxy.ListenEndpoint);

            result.HandshakeCompleted.Should().BeFalse();
            if (stop == TlsStopMode.Reset) result.SocketError.Should().Be(SocketError.ConnectionReset);
            else result.Error.Should().BeOfType<IOException>().Which.Message.Should().Contain("unexpected EOF");
            proxy.TlsStats.Faults.Should().Be(1);
            sink.Named("upstream_connect").Should().BeEmpty("the client never got a TLS session to send anything through");
        }
        finally { await StopAsync(server, proxy); }
    }

    [Fact]
    public async Task A_stop_that_holds_leaves_the_client_waiting_until_its_own_timeout()
    {
        var (server, proxy, _) = await StartAsync(new TlsOptions(fault: TlsFaultKind.StopAfterServerHello, stop: TlsStopMode.Hold));
        try
        {
            var result = await TlsLoopbackClient.DownloadAsync(proxy.ListenEndpoint, bound: ShortBound);

            result.HandshakeCompleted.Should().BeFalse();
            result.Error.Should().BeAssignableTo<OperationCanceledException>();
            result.Elapsed.Should().BeGreaterThanOrEqualTo(ShortBound - TimeSpan.FromMilliseconds(50));
        }
        finally { await StopAsync(server, proxy); }
    }

    [Theory]
    [InlineData(TlsStopMode.Fin)]
    [InlineData(TlsStopMode.Reset)]
    public async Task Half_a_record_after_the_handshake_then_a_fin_or_reset(TlsStopMode stop)
    {
        var (server, proxy, _) = await StartAsync(new TlsOptions(fault: TlsFaultKind.MidRecord, stop: stop));
        try
        {
            var result = await TlsLoopbackClient.DownloadAsync(proxy.ListenEndpoint);

            result.HandshakeCompleted.Should().BeTrue();
            result.Received.Should().BeEmpty("the only record that went out was cut in half");
            if (stop == TlsStopMode.Reset) result.SocketError.Should().Be(SocketError.ConnectionReset);
            else
            {
                result.Error.Should().BeOfType<IOException>();
                result.SocketError.Should().BeNull("a FIN, not a reset");
            }
        }
        finally { await StopAsync(server, proxy); }
    }

    [Fact]
    public async Task A_reset_right_after_the_handshake_is_a_connection_reset()
    {
        var (server, proxy, _) = await StartAsync(new TlsOptions(fault: TlsFaultKind.ResetAfterHandshake));
        try
        {
            var result = await TlsLoopbackClient.DownloadAsync(proxy.ListenEndpoint);

            result.HandshakeCompleted.Should().BeTrue();
            result.SocketError.Should().Be(SocketError.ConnectionReset);
        }
        finally { await StopAsync(server, proxy); }
    }

    [Theory]
    [InlineData(TlsCertificateKind.Untrusted)]
    [InlineData(TlsCertificateKind.Expired)]
    [InlineData(TlsCertificateKind.WrongHost)]
    public async Task A_bad_certificate_is_rejected_by_the_client_and_counted_as_a_failure(TlsCertificateKind kind)
    {
        var (server, proxy, sink) = await StartAsync(new TlsOptions(kind));
        try
        {
            var result = await TlsLoopbackClient.DownloadAsync(proxy.ListenEndpoint);

            result.HandshakeCompleted.Should().BeFalse();
            result.Error.Should().BeOfType<AuthenticationException>();
            await WaitUntilAsync(() => proxy.TlsStats.Failures == 1 && proxy.ConnectionCount == 0,
                () => $"{proxy.TlsStats}, {proxy.ConnectionCount} connection(s), events: {string.Join(", ", sink.Events.Select(e => e.Name))}");
        }
        finally { await StopAsync(server, proxy); }
    }

    [Fact]
    public async Task A_slow_handshake_completes_late_and_renegotiation_is_followed()
    {
        var (slowServer, slow, _) = await StartAsync(new TlsOptions(handshakeDelayMs: 150));
        var (renegotiatingServer, renegotiating, sink) = await StartAsync(new TlsOptions(fault: TlsFaultKind.Renegotiate, protocols: SslProtocols.Tls12));
        try
        {
            var late = await TlsLoopbackClient.DownloadAsync(slow.ListenEndpoint);
            var renegotiated = await TlsLoopbackClient.DownloadAsync(renegotiating.ListenEndpoint);

            late.Received.Should().Equal(Bytes);
            late.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(140), "at least one server flight waited 150 ms");
            renegotiated.Received.Should().Equal(Bytes);
            sink.Named("tls_renegotiated").Should().ContainSingle();
        }
        finally
        {
            await StopAsync(slowServer, slow);
            await StopAsync(renegotiatingServer, renegotiating);
        }
    }

    [Fact]
    public async Task Without_close_notify_the_upstream_fin_is_a_truncation_the_client_reads_as_eof()
    {
        var (server, proxy, sink) = await StartAsync(new TlsOptions(closeNotify: false));
        try
        {
            var result = await TlsLoopbackClient.DownloadAsync(proxy.ListenEndpoint);

            result.Received.Should().Equal(Bytes);
            result.Error.Should().BeNull("SslStream reads a FIN at a record boundary as EOF, close_notify or not");
            sink.Named("tls_close_notify").Should().BeEmpty();
        }
        finally { await StopAsync(server, proxy); }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> state)
    {
        var deadline = DateTime.UtcNow + LoopbackClient.Bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within {LoopbackClient.Bound.TotalSeconds:0} s: {state()}");
            await Task.Delay(10);
        }
    }
}
