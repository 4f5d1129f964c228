using System.Net;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Consume;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Harness.Tests.Clients;

/// <summary>The tls, http and http-retry drivers against real peers: outcomes are what the real clients were seen to do.</summary>
public sealed class TlsAndHttpDriverTests
{
    private static readonly byte[] Bytes = PayloadGenerator.Generate(seed: 21, length: 4000);

    private static async Task<TransferResult> DownloadAsync(string driver, PeerOptions options, TimeSpan? timeout = null)
    {
        await using Peer peer = await PeerHost.StartAsync(options);
        var request = new DownloadRequest { ExpectedPayload = Bytes, Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        return await ClientDrivers.Get(driver).DownloadAsync(peer.EndPoint, request, CancellationToken.None);
    }

    private static PeerOptions Tls(TlsOptions tls, ServeBehaviour? serve = null) => new("EP", serve ?? new ServeBehaviour(Bytes), tls: tls);

    private static PeerOptions Http(HttpResponsePlan plan, TlsOptions? tls = null) =>
        new("H", new HttpBehaviour(HttpScript.Always(plan)), tls: tls);

    [Fact]
    public async Task The_tls_driver_downloads_a_tls_peer_intact()
    {
        var result = await DownloadAsync("tls", Tls(new TlsOptions()));

        result.Outcome.Should().Be(Outcome.Completed);
        result.Received.Should().Equal(Bytes);
    }

    [Theory]
    [InlineData(TlsFaultKind.StopAfterClientHello, TlsStopMode.Fin, Outcome.Eof)]
    [InlineData(TlsFaultKind.StopAfterServerHello, TlsStopMode.Fin, Outcome.Eof)]
    [InlineData(TlsFaultKind.MidRecord, TlsStopMode.Fin, Outcome.Eof)]
    [InlineData(TlsFaultKind.StopAfterServerHello, TlsStopMode.Reset, Outcome.Reset)]
    [InlineData(TlsFaultKind.MidRecord, TlsStopMode.Hold, Outcome.Timeout)]
    [InlineData(TlsFaultKind.ResetAfterHandshake, TlsStopMode.Fin, Outcome.Reset)]
    public async Task Tls_faults_are_classified_by_how_the_transport_ended(TlsFaultKind fault, TlsStopMode stop, Outcome expected)
    {
        var result = await DownloadAsync("tls", Tls(new TlsOptions(fault: fault, stop: stop)), TimeSpan.FromSeconds(1));

        result.Outcome.Should().Be(expected, result.Error);
        result.Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData(TlsCertificateKind.Untrusted)]
    [InlineData(TlsCertificateKind.Expired)]
    [InlineData(TlsCertificateKind.WrongHost)]
    public async Task A_rejected_certificate_is_a_handshake_outcome_not_an_error_or_reset(TlsCertificateKind kind)
    {
        var result = await DownloadAsync("tls", Tls(new TlsOptions(certificate: kind)));

        result.Outcome.Should().Be(Outcome.Handshake);
        result.Error.Should().StartWith("AuthenticationException");
    }

    [Fact]
    public async Task A_truncated_tls_stream_is_eof_with_a_clean_prefix()
    {
        var result = await DownloadAsync("tls", Tls(new TlsOptions(closeNotify: false), new ServeBehaviour(Bytes, closeAfter: 1000)));

        result.Outcome.Should().Be(Outcome.Eof);
        result.Received.Should().Equal(Bytes[..1000]);
    }

    [Fact]
    public async Task The_tls_driver_uploads_and_ends_with_close_notify_then_fin()
    {
        await using Peer peer = await PeerHost.StartAsync(new PeerOptions("EP", new ConsumeBehaviour(), tls: new TlsOptions()));
        var request = new UploadRequest { Payload = Bytes, WriteSize = 1000 };

        var result = await ClientDrivers.Get("tls").UploadAsync(peer.EndPoint, request, CancellationToken.None);

        result.Outcome.Should().Be(Outcome.Completed, result.Error);
        result.BytesSent.Should().Be(Bytes.Length);
        await peer.WaitForConnectionsAsync(1, TimeSpan.FromSeconds(10));
        peer.Stats.BytesRead.Should().Be(Bytes.Length);
        peer.Stats.LastReadSha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes)));
    }

    [Theory]
    [InlineData("http")]
    [InlineData("https")]
    public async Task The_http_drivers_download_an_http_peer_intact(string driver)
    {
        var result = await DownloadAsync(driver, Http(HttpResponsePlan.Of(200, Bytes), driver == "https" ? new TlsOptions() : null));

        result.Outcome.Should().Be(Outcome.Completed, result.Error);
        result.Received.Should().Equal(Bytes);
    }

    [Fact]
    public async Task Http_faults_map_to_the_same_outcomes_as_socket_faults()
    {
        (await DownloadAsync("http", Http(new HttpResponsePlan(200, Bytes, cutAfterBodyBytes: 1000)))).Outcome.Should().Be(Outcome.Eof);
        (await DownloadAsync("http", Http(new HttpResponsePlan(200, Bytes, cutAfterBodyBytes: 1000, cutMode: HttpCutMode.Reset)))).Outcome.Should().Be(Outcome.Reset);
        (await DownloadAsync("http", Http(new HttpResponsePlan(200, Bytes, contentLengthDelta: 5, connectionClose: true)))).Outcome.Should().Be(Outcome.Eof);
        (await DownloadAsync("http", Http(new HttpResponsePlan(200, Bytes, framing: HttpFraming.Chunked, chunkFault: HttpChunkFault.BadChunkSize)))).Outcome.Should().Be(Outcome.Corrupt);
        (await DownloadAsync("http", Http(new HttpResponsePlan(200, Bytes, contentLengthDelta: 5)), TimeSpan.FromSeconds(1))).Outcome.Should().Be(Outcome.Timeout);
        var shortBody = await DownloadAsync("http", Http(new HttpResponsePlan(200, Bytes, contentLengthDelta: -5)));
        shortBody.Outcome.Should().Be(Outcome.Eof, "HttpClient took 3995 bytes as complete; against the payload that is a truncation");
        shortBody.Received.Should().Equal(Bytes[..3995]);
        (await DownloadAsync("https", Http(HttpResponsePlan.Of(200, Bytes), new TlsOptions(TlsCertificateKind.Expired)))).Outcome.Should().Be(Outcome.Handshake);
        (await DownloadAsync("https", Http(HttpResponsePlan.Of(200, Bytes), new TlsOptions(fault: TlsFaultKind.StopAfterServerHello)))).Outcome.Should().Be(Outcome.Eof);
    }

    [Fact]
    public async Task A_non_success_status_is_an_error_naming_it_for_a_download()
    {
        var result = await DownloadAsync("http", Http(HttpResponsePlan.Of(503, "busy"u8.ToArray())));

        result.Outcome.Should().Be(Outcome.Error);
        result.Error.Should().Contain("HTTP 503 Service Unavailable");
    }

    [Fact]
    public async Task The_retry_driver_rides_out_failing_first_requests_and_the_plain_one_does_not()
    {
        var script = HttpScript.FailFirst(2, HttpResponsePlan.Of(503), HttpResponsePlan.Of(200, Bytes));
        await using Peer plain = await PeerHost.StartAsync(new PeerOptions("A", new HttpBehaviour(script)));
        await using Peer retried = await PeerHost.StartAsync(new PeerOptions("B", new HttpBehaviour(script)));
        var request = new DownloadRequest { ExpectedPayload = Bytes };

        var once = await ClientDrivers.Get("http").DownloadAsync(plain.EndPoint, request, CancellationToken.None);
        var withRetry = await ClientDrivers.Get("http-retry").DownloadAsync(retried.EndPoint, request, CancellationToken.None);

        once.Outcome.Should().Be(Outcome.Error);
        withRetry.Outcome.Should().Be(Outcome.Completed, withRetry.Error);
        withRetry.Received.Should().Equal(Bytes);
        retried.Stats.HttpRequests.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_session_reuses_its_keep_alive_connection_counts_attempts_and_times_out_a_slow_status_per_attempt()
    {
        var script = new HttpScript(HttpResponsePlan.Of(200, "ok"u8.ToArray()),
            [new HttpRule(new HttpResponsePlan(200, delayBeforeStatusMs: 5000), fromRequest: 3, toRequest: 4)]);
        await using Peer peer = await PeerHost.StartAsync(new PeerOptions("H", new HttpBehaviour(script)));
        var settings = new HttpClientSettings { Resilience = new HttpResilience { MaxRetries = 2, AttemptTimeout = TimeSpan.FromSeconds(1) } };
        await using var session = new HttpClientSession(peer.EndPoint, settings);

        var first = await session.SendAsync(new HttpCall(), CancellationToken.None);
        var second = await session.SendAsync(new HttpCall { Method = HttpMethod.Put, Path = "/items/1", Body = "x"u8.ToArray() }, CancellationToken.None);
        var third = await session.SendAsync(new HttpCall(), CancellationToken.None);

        (first.Outcome, first.Status, first.Attempts).Should().Be((Outcome.Completed, 200, 1));
        second.Outcome.Should().Be(Outcome.Completed);
        // Requests 3 and 4 stall before their status line; the attempt timeout cuts each, the third attempt is request 5.
        (third.Outcome, third.Status, third.Attempts).Should().Be((Outcome.Completed, 200, 3));
        peer.Stats.HttpRequests[1].Should().Match<EvilPeer.Http.RecordedHttpRequest>(r => r.Method == "PUT" && r.Target == "/items/1");
        session.ConnectionsOpened.Should().BeGreaterThanOrEqualTo(2, "a timed-out attempt abandons its connection");
        peer.Stats.HttpRequests.Take(2).Select(r => r.ConnectionId).Distinct().Should().ContainSingle("the first two shared a keep-alive connection");
    }

    [Fact]
    public async Task A_killer_cancel_mid_body_is_cancelled()
    {
        await using Peer peer = await PeerHost.StartAsync(new PeerOptions("H", new HttpBehaviour(HttpScript.Always(
            new HttpResponsePlan(200, Bytes, framing: HttpFraming.Chunked, endless: true, bodyBytesPerSecond: 10_000)))));
        await using var session = new HttpClientSession(peer.EndPoint, new HttpClientSettings());
        using var killer = new CancellationTokenSource(TimeSpan.FromMilliseconds(1500)); // after the headers, mid-body: they come at once, the body at 10 kB/s

        var result = await session.SendAsync(new HttpCall(), killer.Token);

        result.Outcome.Should().Be(Outcome.Cancelled);
        result.Status.Should().Be(200);
        result.Body.Length.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Resilience_values_are_checked_where_they_are_set()
    {
        new Action(() => _ = new HttpResilience { MaxRetries = 0 }).Should().Throw<ArgumentException>().WithMessage("*MaxRetries=0*1..100*");
        new Action(() => _ = new HttpResilience { AttemptTimeout = TimeSpan.FromMilliseconds(1) }).Should().Throw<ArgumentException>().WithMessage("*10 ms..1 h*");
        new Action(() => _ = new HttpCall { Path = "x" }).Should().Throw<ArgumentException>().WithMessage("*starting with /*");
        ClientDrivers.Names.Should().Contain(["tls", "http", "https", "http-retry", "https-retry"]);
    }
}
