using System.Net;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Http;

/// <summary>Each response fault against a real HttpClient (SocketsHttpHandler); assertions are what it was seen to do.</summary>
public sealed class HttpFaultTests
{
    private static readonly byte[] Body = PayloadGenerator.Generate(seed: 11, length: 1000);
    private static readonly TimeSpan ShortBound = TimeSpan.FromSeconds(1);

    private static Task<Peer> Start(HttpResponsePlan plan, RecordingPeerSink? sink = null) =>
        PeerHost.StartAsync(new PeerOptions("H", new HttpBehaviour(HttpScript.Always(plan))), sink);

    private static async Task<HttpClientResult> GetAsync(Peer peer, TimeSpan? bound = null)
    {
        using HttpClient client = HttpClientProbe.NewClient();
        return await HttpClientProbe.GetAsync(client, peer.EndPoint, "/", bound);
    }

    [Fact]
    public async Task An_honest_response_arrives_whole_with_its_status_and_headers()
    {
        await using var peer = await Start(new HttpResponsePlan(201, Body, headers: [new("X-Chaos", "yes")]));
        using HttpClient client = HttpClientProbe.NewClient();

        using var response = await client.GetAsync($"http://{peer.EndPoint}/").WaitAsync(HttpClientProbe.Bound);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.GetValues("X-Chaos").Should().Equal("yes");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Body);
        response.Content.Headers.ContentLength.Should().Be(Body.Length);
    }

    [Fact]
    public async Task With_tls_options_the_peer_speaks_https_and_a_bad_certificate_fails_the_request()
    {
        var plan = HttpScript.Always(HttpResponsePlan.Of(200, Body));
        await using var good = await PeerHost.StartAsync(new PeerOptions("H", new HttpBehaviour(plan), tls: new TlsOptions()));
        await using var expired = await PeerHost.StartAsync(new PeerOptions("X", new HttpBehaviour(plan), tls: new TlsOptions(TlsCertificateKind.Expired)));
        using var client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions { CertificateChainPolicy = TestCertificateAuthority.Shared.TrustPolicy() },
        });

        var ok = await HttpClientProbe.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, $"https://localhost:{good.EndPoint.Port}/"));
        var bad = await HttpClientProbe.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, $"https://localhost:{expired.EndPoint.Port}/"));

        ok.Error.Should().BeNull();
        ok.Body.Should().Equal(Body);
        bad.RequestError.Should().Be(HttpRequestError.SecureConnectionError);
        bad.Error!.InnerException.Should().BeOfType<System.Security.Authentication.AuthenticationException>();
        expired.Stats.HttpRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_content_length_larger_than_the_body_then_close_is_response_ended()
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, contentLengthDelta: 10, connectionClose: true));

        var result = await GetAsync(peer);

        result.Status.Should().Be(200);
        result.Body.Should().Equal(Body, "every byte sent is delivered before the error");
        result.RequestError.Should().Be(HttpRequestError.ResponseEnded);
        result.Error!.Message.Should().Contain("10 additional bytes expected");
    }

    [Fact]
    public async Task A_content_length_larger_than_the_body_on_keep_alive_leaves_the_client_waiting()
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, contentLengthDelta: 10));

        var result = await GetAsync(peer, ShortBound);

        result.Body.Should().Equal(Body);
        result.Error.Should().BeAssignableTo<OperationCanceledException>("only the client's own bound ends it");
        result.Elapsed.Should().BeGreaterThanOrEqualTo(ShortBound - TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task A_content_length_smaller_than_the_body_is_a_short_body_taken_as_complete()
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, contentLengthDelta: -10));
        using HttpClient client = HttpClientProbe.NewClient();

        var first = await HttpClientProbe.GetAsync(client, peer.EndPoint);
        var second = await HttpClientProbe.GetAsync(client, peer.EndPoint);

        first.Error.Should().BeNull("HttpClient trusts Content-Length");
        first.Body.Should().Equal(Body[..990]);
        second.Body.Should().Equal(Body[..990]);
        // The 10 stray bytes make SocketsHttpHandler drop the connection instead of reusing it.
        peer.Stats.ConnectionsAccepted.Should().Be(2);
    }

    [Fact]
    public async Task Chunked_framing_is_decoded_by_the_client()
    {
        var sink = new RecordingPeerSink();
        await using var peer = await Start(new HttpResponsePlan(200, Body, framing: HttpFraming.Chunked, chunkSize: 300), sink);

        var result = await GetAsync(peer);

        result.Error.Should().BeNull();
        result.Body.Should().Equal(Body);
    }

    [Fact]
    public async Task A_chunk_cut_in_half_then_fin_is_response_ended_after_the_bytes_before_the_cut()
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, framing: HttpFraming.Chunked, chunkSize: 300,
            chunkFault: HttpChunkFault.CutMidChunk));

        var result = await GetAsync(peer);

        result.Body.Should().Equal(Body[..950], "three whole chunks and half of the last (100 of 100 -> 50)");
        result.RequestError.Should().Be(HttpRequestError.ResponseEnded);
    }

    [Fact]
    public async Task A_chunk_cut_in_half_then_reset_is_a_connection_reset()
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, framing: HttpFraming.Chunked, chunkSize: 300,
            chunkFault: HttpChunkFault.CutMidChunk, cutMode: HttpCutMode.Reset));

        var result = await GetAsync(peer);

        result.IsReset.Should().BeTrue();
        result.Body.Length.Should().BeLessThanOrEqualTo(950);
        peer.Stats.ResetsSent.Should().Be(1);
    }

    [Fact]
    public async Task A_bad_chunk_size_is_an_invalid_response()
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, framing: HttpFraming.Chunked, chunkSize: 300,
            chunkFault: HttpChunkFault.BadChunkSize));

        var result = await GetAsync(peer);

        result.Status.Should().Be(200);
        result.RequestError.Should().Be(HttpRequestError.InvalidResponse);
        result.Error!.Message.Should().Contain("chunk header");
        result.Body.Length.Should().BeLessThanOrEqualTo(300);
    }

    [Theory]
    [InlineData(HttpCutMode.Fin)]
    [InlineData(HttpCutMode.Reset)]
    public async Task A_cut_mid_body_delivers_the_bytes_before_it_then_ends_as_asked(HttpCutMode mode)
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, cutAfterBodyBytes: 500, cutMode: mode));

        var result = await GetAsync(peer);

        result.Status.Should().Be(200);
        if (mode == HttpCutMode.Fin)
        {
            result.Body.Should().Equal(Body[..500]);
            result.RequestError.Should().Be(HttpRequestError.ResponseEnded);
            result.Error!.Message.Should().Contain("500 additional bytes expected");
        }
        else
        {
            result.IsReset.Should().BeTrue();
            Body.AsSpan(0, result.Body.Length).SequenceEqual(result.Body).Should().BeTrue("what arrived is a clean prefix");
        }
    }

    [Fact]
    public async Task A_cut_that_holds_leaves_the_client_waiting_mid_body()
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, cutAfterBodyBytes: 500, cutMode: HttpCutMode.Hold));

        var result = await GetAsync(peer, ShortBound);

        result.Body.Should().Equal(Body[..500]);
        result.Error.Should().BeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public async Task A_close_delimited_body_ends_at_the_fin_and_is_complete_for_the_client()
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, framing: HttpFraming.CloseDelimited));

        var result = await GetAsync(peer);

        result.Error.Should().BeNull();
        result.Body.Should().Equal(Body);
        await peer.WaitForConnectionsAsync(1, HttpClientProbe.Bound);
        peer.Stats.FinsSent.Should().Be(1);
    }

    [Fact]
    public async Task A_slow_body_takes_about_its_size_over_its_rate()
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, bodyBytesPerSecond: 2000));

        var result = await GetAsync(peer);

        result.Body.Should().Equal(Body);
        // 1000 B at 2000 B/s in 100-byte pieces: the last piece is due at 450 ms.
        result.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(420));
    }

    [Fact]
    public async Task An_endless_body_streams_until_the_client_leaves_which_is_not_a_peer_error()
    {
        var sink = new RecordingPeerSink();
        await using var peer = await Start(new HttpResponsePlan(200, "0123456789"u8.ToArray(), framing: HttpFraming.Chunked, endless: true), sink);

        var result = await GetAsync(peer);

        result.Body.Length.Should().BeGreaterThan(1024 * 1024);
        result.Body.AsSpan(0, 20).SequenceEqual("01234567890123456789"u8).Should().BeTrue("the body repeats");
        await peer.WaitForConnectionsAsync(1, HttpClientProbe.Bound);
        peer.Stats.Errors.Should().Be(0);
        sink.Events.Should().Contain(e => e.Name == "http_client_gone");
    }

    [Theory]
    [InlineData(300, 0, 0)]
    [InlineData(0, 100, 0)]
    [InlineData(0, 0, 300)]
    public async Task Delays_before_the_status_between_headers_or_before_the_body_hold_the_response_back(int status, int headers, int body)
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, delayBeforeStatusMs: status,
            delayBetweenHeadersMs: headers, delayBeforeBodyMs: body));

        var result = await GetAsync(peer);

        result.Body.Should().Equal(Body);
        // Between headers: before Server, Content-Length and the blank line, so 3 x 100 ms.
        result.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task A_reset_right_after_the_headers_is_a_connection_reset_with_the_status_already_known()
    {
        await using var peer = await Start(new HttpResponsePlan(200, Body, cutAfterBodyBytes: 0, cutMode: HttpCutMode.Reset, delayBeforeBodyMs: 100));

        var result = await GetAsync(peer);

        result.Status.Should().Be(200);
        result.Body.Should().BeEmpty();
        result.IsReset.Should().BeTrue();
    }
}
