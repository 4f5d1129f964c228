using System.Net.Security;
using System.Security.Authentication;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Tests.Http;
using ChaosFeatures.EvilPeer.Tests.Peers.Consume;
using ChaosFeatures.EvilPeer.Tests.Tls;
using ChaosFeatures.EvilPeer.Tls;

namespace ChaosFeatures.EvilPeer.Tests.Forked;

/// <summary>The HTTP peer and the TLS layer in a real child process, against real HttpClient and SslStream clients.</summary>
public sealed class ForkedHttpTlsTests
{
    [Fact]
    public async Task A_forked_https_peer_fails_the_first_request_then_serves_and_its_parent_sees_the_requests()
    {
        var script = HttpScript.FailFirst(1, HttpResponsePlan.Of(503), HttpResponsePlan.Of(200, "fine"u8.ToArray()));
        await using var peer = await ForkedPeer.StartAsync(new PeerOptions("H", new HttpBehaviour(script), tls: new TlsOptions()));
        using var client = new HttpClient(new SocketsHttpHandler
        {
            // The parent made the certificate and passed it to the child, so our own authority's root is the one to trust.
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = TestCertificateAuthority.Shared.TrustPolicy() },
        });
        string url = $"https://localhost:{peer.EndPoint.Port}/orders";

        var first = await HttpClientProbe.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("one") });
        var second = await HttpClientProbe.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, url));

        first.Status.Should().Be(503);
        second.Status.Should().Be(200);
        second.Body.Should().Equal("fine"u8.ToArray());
        await ConsumeTests.WaitUntil(() => peer.Stats.HttpRequests.Count == 2);
        var requests = peer.Stats.HttpRequests;
        requests.Select(r => (r.Number, r.Method, r.Path)).Should().Equal((1, "POST", "/orders"), (2, "GET", "/orders"));
        requests[0].Body.Should().Equal("one"u8.ToArray());
        requests[0].Header("Host").Should().Be($"localhost:{peer.EndPoint.Port}");
        peer.Stats.TlsHandshakes.Should().Be(1, "both requests went over one kept-alive connection");
    }

    [Fact]
    public async Task A_forked_tls_fault_stops_the_handshake_like_the_in_process_one()
    {
        var tls = new TlsOptions(fault: TlsFaultKind.StopAfterServerHello, protocols: SslProtocols.Tls13);
        await using var peer = await ForkedPeer.StartAsync(new PeerOptions("T", new ServeBehaviour(new byte[10]), tls: tls));

        var result = await TlsLoopbackClient.DownloadAsync(peer.EndPoint);

        result.HandshakeCompleted.Should().BeFalse();
        result.Error.Should().BeOfType<IOException>().Which.Message.Should().Contain("unexpected EOF");
        await peer.WaitForConnectionsAsync(1, TlsLoopbackClient.Bound);
        peer.Stats.TlsFaults.Should().Be(1);
    }

    [Fact]
    public void The_fault_table_carries_the_script_and_tls_through_json()
    {
        var plan = new HttpResponsePlan(200, "abc"u8.ToArray(), headers: [new("X-A", "1")], framing: HttpFraming.Chunked,
            chunkSize: 2, chunkFault: HttpChunkFault.CutMidChunk, cutMode: HttpCutMode.Reset, delayBetweenHeadersMs: 5);
        var options = new PeerOptions("H", new HttpBehaviour(new HttpScript(HttpResponsePlan.Of(204), [new HttpRule(plan, 2, 3, "/x/*")])),
            tls: new TlsOptions(TlsCertificateKind.WrongHost, TlsFaultKind.MidRecord, TlsStopMode.Hold, SslProtocols.Tls12, 7, closeNotify: false));

        var back = FaultTable.Parse(FaultTable.FromOptions(options).ToJson()).ToOptions();

        var script = ((HttpBehaviour)back.Behaviour).Script;
        script.Default.Status.Should().Be(204);
        script.Rules.Should().ContainSingle().Which.Should().Match<HttpRule>(r => r.FromRequest == 2 && r.ToRequest == 3 && r.Path == "/x/*");
        var rule = script.Rules[0].Response;
        rule.Body.ToArray().Should().Equal("abc"u8.ToArray());
        (rule.Framing, rule.ChunkSize, rule.ChunkFault, rule.CutMode, rule.DelayBetweenHeadersMs)
            .Should().Be((HttpFraming.Chunked, 2, HttpChunkFault.CutMidChunk, HttpCutMode.Reset, 5));
        rule.Headers.Should().BeEquivalentTo([new KeyValuePair<string, string>("X-A", "1")]);
        var tls = back.Tls!;
        (tls.Certificate, tls.Fault, tls.Stop, tls.Protocols, tls.HandshakeDelayMs, tls.CloseNotify)
            .Should().Be((TlsCertificateKind.WrongHost, TlsFaultKind.MidRecord, TlsStopMode.Hold, SslProtocols.Tls12, 7, false));
        tls.ServerCertificate!.Thumbprint.Should().Be(TestCertificateAuthority.Shared.ServerCertificate(TlsCertificateKind.WrongHost).Thumbprint);
    }

    [Fact]
    public async Task The_host_cli_names_bad_http_and_tls_options_with_their_ranges()
    {
        var (exit, _, stderr) = await HostProcesses.RunAsync(HostProcesses.Host("http", "--status", "99", "--tls-fault", "explode"), null);

        exit.Should().Be(2);
        stderr.Should().Contain("http.status: 99 is out of range 200..599", "every error of the table is reported together");
        stderr.Should().Contain("tls.fault: \"explode\" is not one of none, stop-after-client-hello, stop-after-server-hello, mid-record, reset-after-handshake, renegotiate");
    }

    [Fact]
    public async Task The_host_cli_serves_http_by_hand()
    {
        var info = HostProcesses.Host("http", "--status", "418", "--body-text", "teapot", "--header", "X-Brew: no", "--fail-first", "1", "--fail-status", "500");
        using var process = System.Diagnostics.Process.Start(info)!;
        try
        {
            string endpoint = (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)))!;
            using HttpClient client = HttpClientProbe.NewClient();

            var first = await HttpClientProbe.GetAsync(client, System.Net.IPEndPoint.Parse(endpoint));
            var second = await HttpClientProbe.GetAsync(client, System.Net.IPEndPoint.Parse(endpoint));

            first.Status.Should().Be(500);
            second.Status.Should().Be(418);
            second.Body.Should().Equal("teapot"u8.ToArray());
        }
        finally
        {
            process.StandardInput.Close(); // the host's signal to stop
            if (!await WaitExit(process)) process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private static async Task<bool> WaitExit(System.Diagnostics.Process process)
    {
        try { await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)); return true; }
        catch (TimeoutException) { return false; }
    }
}
