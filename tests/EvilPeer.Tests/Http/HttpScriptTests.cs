using System.Net;
using System.Net.Sockets;
using System.Text;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Http;

/// <summary>Scripts by request number and path, and what the peer records of each request.</summary>
public sealed class HttpScriptTests
{
    private static Task<Peer> Start(HttpScript script) => PeerHost.StartAsync(new PeerOptions("H", new HttpBehaviour(script)));

    [Fact]
    public async Task Fail_first_n_then_succeed_counts_requests_across_connections()
    {
        await using var peer = await Start(HttpScript.FailFirst(2, HttpResponsePlan.Of(503), HttpResponsePlan.Of(200, "ok"u8.ToArray())));
        var statuses = new List<int?>();
        for (int i = 0; i < 4; i++)
        {
            using HttpClient client = HttpClientProbe.NewClient(); // a new connection each time
            statuses.Add((await HttpClientProbe.GetAsync(client, peer.EndPoint)).Status);
        }

        statuses.Should().Equal(503, 503, 200, 200);
        peer.Stats.HttpRequests.Select(r => r.Number).Should().Equal(1, 2, 3, 4);
        peer.Stats.HttpRequests.Select(r => r.ConnectionId).Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public async Task Rules_match_by_path_exactly_or_by_prefix_and_the_first_match_wins()
    {
        var script = new HttpScript(HttpResponsePlan.Of(200), [
            new HttpRule(HttpResponsePlan.Of(404), path: "/missing"),
            new HttpRule(HttpResponsePlan.Of(500), path: "/api/*"),
            new HttpRule(HttpResponsePlan.Of(418), path: "/api/tea"), // shadowed by the prefix rule
        ]);
        await using var peer = await Start(script);
        using HttpClient client = HttpClientProbe.NewClient();

        (await HttpClientProbe.GetAsync(client, peer.EndPoint, "/missing?x=1")).Status.Should().Be(404, "the query is not part of the path");
        (await HttpClientProbe.GetAsync(client, peer.EndPoint, "/api/tea")).Status.Should().Be(500);
        (await HttpClientProbe.GetAsync(client, peer.EndPoint, "/other")).Status.Should().Be(200);
    }

    [Fact]
    public async Task Sequential_keep_alive_requests_share_one_connection_and_connection_close_ends_it()
    {
        var script = new HttpScript(HttpResponsePlan.Of(200, "x"u8.ToArray()), [
            new HttpRule(new HttpResponsePlan(200, "bye"u8.ToArray(), connectionClose: true), fromRequest: 3, toRequest: 3),
        ]);
        await using var peer = await Start(script);
        using HttpClient client = HttpClientProbe.NewClient();

        for (int i = 0; i < 4; i++) (await HttpClientProbe.GetAsync(client, peer.EndPoint)).Error.Should().BeNull();

        peer.Stats.HttpRequests.Select(r => r.ConnectionId).Should().Equal(1, 1, 1, 2);
        peer.Stats.ConnectionsAccepted.Should().Be(2);
    }

    [Fact]
    public async Task Request_bodies_are_recorded_with_method_target_and_headers_whether_sized_or_chunked()
    {
        await using var peer = await Start(HttpScript.Always(HttpResponsePlan.Of(204)));
        using HttpClient client = HttpClientProbe.NewClient();
        byte[] sized = Encoding.UTF8.GetBytes("name=chaos");
        byte[] streamed = new byte[70_000];
        new Random(5).NextBytes(streamed);

        var post = new HttpRequestMessage(HttpMethod.Post, $"http://{peer.EndPoint}/form?v=2") { Content = new ByteArrayContent(sized) };
        post.Headers.Add("X-Test", "a");
        (await HttpClientProbe.SendAsync(client, post)).Status.Should().Be(204);
        // A stream of unknown length goes out chunked.
        var put = new HttpRequestMessage(HttpMethod.Put, $"http://{peer.EndPoint}/upload") { Content = new StreamContent(new NonSeekable(streamed)) };
        (await HttpClientProbe.SendAsync(client, put)).Status.Should().Be(204);

        var requests = peer.Stats.HttpRequests;
        requests[0].Method.Should().Be("POST");
        requests[0].Target.Should().Be("/form?v=2");
        requests[0].Path.Should().Be("/form");
        requests[0].Version.Should().Be("HTTP/1.1");
        requests[0].Header("x-test").Should().Be("a");
        requests[0].Body.Should().Equal(sized);
        requests[1].Header("Transfer-Encoding").Should().Be("chunked");
        requests[1].Body.Should().Equal(streamed);
        requests[1].BodyLength.Should().Be(streamed.Length);
    }

    [Fact]
    public async Task Expect_100_continue_gets_its_interim_response_before_the_body_is_read()
    {
        await using var peer = await Start(HttpScript.Always(HttpResponsePlan.Of(200)));
        using HttpClient client = HttpClientProbe.NewClient();
        var post = new HttpRequestMessage(HttpMethod.Post, $"http://{peer.EndPoint}/") { Content = new ByteArrayContent(new byte[100]) };
        post.Headers.ExpectContinue = true;

        var result = await HttpClientProbe.SendAsync(client, post);

        result.Status.Should().Be(200);
        peer.Stats.HttpRequests.Single().BodyLength.Should().Be(100);
    }

    [Fact]
    public async Task Pipelined_requests_on_a_raw_socket_are_answered_in_order()
    {
        await using var peer = await Start(new HttpScript(HttpResponsePlan.Of(200, "one"u8.ToArray()),
            [new HttpRule(HttpResponsePlan.Of(200, "two"u8.ToArray()), fromRequest: 2)]));
        using var socket = await LoopbackClient.ConnectAsync(peer.EndPoint);

        await socket.SendAsync("\r\nGET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\nHost: x\nConnection: close\n\n"u8.ToArray());
        var download = await LoopbackClient.DownloadAsync(socket);

        string text = Encoding.ASCII.GetString(download.Bytes);
        text.IndexOf("\r\n\r\none", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("\r\n\r\ntwo", StringComparison.Ordinal));
        text.Should().Contain("Connection: close");
        download.EndedWithFin.Should().BeTrue("Connection: close from the client ends it after the answer");
        peer.Stats.HttpRequests.Select(r => r.Target).Should().Equal("/a", "/b");
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", "request line")]
    [InlineData("GET / HTTP/1.1\r\n bad-fold\r\n\r\n", "header line")]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", "conflicting Content-Length")]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nQQ\r\n", "chunk size")]
    public async Task A_malformed_request_gets_400_naming_the_problem_then_close(string request, string problem)
    {
        await using var peer = await Start(HttpScript.Always(HttpResponsePlan.Of(200)));
        using var socket = await LoopbackClient.ConnectAsync(peer.EndPoint);

        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        var download = await LoopbackClient.DownloadAsync(socket);

        string text = Encoding.ASCII.GetString(download.Bytes);
        text.Should().StartWith("HTTP/1.1 400 Bad Request\r\n").And.Contain(problem);
        download.EndedWithFin.Should().BeTrue();
        peer.Stats.HttpRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_head_request_gets_the_headers_without_the_body()
    {
        await using var peer = await Start(HttpScript.Always(HttpResponsePlan.Of(200, new byte[50])));
        using HttpClient client = HttpClientProbe.NewClient();

        var result = await HttpClientProbe.SendAsync(client, new HttpRequestMessage(HttpMethod.Head, $"http://{peer.EndPoint}/"));

        result.Status.Should().Be(200);
        result.Body.Should().BeEmpty();
        peer.Stats.BytesServed.Should().BeLessThan(100, "no 50-byte body after the head");
    }

    [Fact]
    public void Plans_name_every_bad_field_with_its_allowed_range()
    {
        var act = () => new HttpResponsePlan(status: 99, body: new byte[10], contentLengthDelta: -11, chunkSize: 5,
            delayBeforeStatusMs: -1, bodyBytesPerSecond: -3, headers: [new("Content-Length", "3")]);

        var errors = act.Should().Throw<OptionsValidationException>().Which.Errors;
        errors.Should().Contain("http.status: 99 is out of range 200..599");
        errors.Should().Contain("http.contentLengthDelta: -11 is out of range -10..2147483647 bytes");
        errors.Should().Contain("http.chunkSize: needs framing Chunked");
        errors.Should().Contain("http.delayBeforeStatus: -1 is out of range 0..3600000 ms");
        errors.Should().Contain("http.bodyBytesPerSecond: -3 is out of range 0..1000000000 bytes/s");
        errors.Should().Contain(e => e.StartsWith("http.headers: Content-Length, Transfer-Encoding and Connection"));
    }

    [Fact]
    public void Contradictions_between_faults_are_refused()
    {
        new Action(() => new HttpResponsePlan(endless: true)).Should().Throw<OptionsValidationException>()
            .Which.Message.Should().Contain("http.endless: needs framing Chunked or CloseDelimited");
        new Action(() => new HttpResponsePlan(cutMode: HttpCutMode.Reset)).Should().Throw<OptionsValidationException>()
            .Which.Message.Should().Contain("http.cutMode: applies only with cutAfterBodyBytes or a chunk fault");
        new Action(() => new HttpRule(HttpResponsePlan.Of(200), fromRequest: 3, toRequest: 2)).Should().Throw<OptionsValidationException>()
            .Which.Message.Should().Contain("http.rule.toRequest: 2 is out of range 3..");
        new Action(() => HttpScript.FailFirst(-1, HttpResponsePlan.Of(503), HttpResponsePlan.Of(200))).Should().Throw<OptionsValidationException>()
            .Which.Message.Should().Contain("http.failFirst: -1 is out of range 0..");
        HttpScript.FailFirst(0, HttpResponsePlan.Of(503), HttpResponsePlan.Of(200)).ResponseFor(1, "/").Status.Should().Be(200);
    }

    /// <summary>A stream without a length, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
