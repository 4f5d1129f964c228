using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Proxy;

public sealed class ToxicProxyTests
{
    [Fact]
    public async Task Passthrough_echoes_bytes_unchanged_and_reports_the_bound_port()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo());
        harness.Proxy.ListenEndpoint.Port.Should().BeGreaterThan(0);

        using Socket client = await harness.ConnectAsync();
        byte[] payload = LoopbackClient.Payload(1_000_000);
        Task send = LoopbackClient.SendAsync(client, payload);
        byte[] echoed = await LoopbackClient.ReadExactlyAsync(client, payload.Length);
        await send;

        echoed.Should().Equal(payload);
        harness.Sink.Named("accept").Should().ContainSingle();
        harness.Sink.Named("upstream_connect").Should().ContainSingle();
    }

    [Fact]
    public async Task A_client_FIN_is_forwarded_as_FIN_and_the_server_FIN_comes_back()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo());
        using Socket client = await harness.ConnectAsync();

        await LoopbackClient.SendAsync(client, [9, 8, 7]);
        client.Shutdown(SocketShutdown.Send); // the echo server only closes once it reads this EOF
        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client);

        outcome.End.Should().Be("eof");
        outcome.Bytes.Should().Equal(9, 8, 7);
        // The proxy records a FIN just after forwarding it, so the client can see the second one first.
        await harness.Sink.WaitForAsync(() => harness.Sink.Named("fin").Count == 2, TimeSpan.FromSeconds(5));
        harness.Sink.Named("fin").Select(e => RecordingPeerSink.Field(e, "stream")).Should().BeEquivalentTo(["upstream", "downstream"]);
    }

    [Fact]
    public async Task Upstream_dial_failure_closes_the_client_with_FIN_and_emits_an_event()
    {
        var sink = new RecordingPeerSink();
        int deadPort;
        using (var probe = new TcpListenerProbe()) deadPort = probe.Port; // bound then released: nothing listens there
        await using var proxy = new ToxicProxy(new ToxicProxyOptions { Upstream = $"127.0.0.1:{deadPort}", Events = sink });
        await proxy.StartAsync();

        using Socket client = await LoopbackClient.ConnectAsync(proxy.ListenEndpoint);
        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client);

        outcome.End.Should().Be("eof");
        sink.Named("upstream_dial_failed").Should().ContainSingle()
            .Which.Fields.Should().Contain(f => f.Key == "error" && (string)f.Value! == "ConnectionRefused");
    }

    [Fact]
    public async Task Disable_closes_live_connections_and_refuses_new_ones_until_enabled()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo());
        using Socket live = await harness.ConnectedEchoAsync();

        harness.Proxy.Disable();

        (await LoopbackClient.ReadToEndAsync(live)).End.Should().Be("eof");
        harness.Proxy.Enabled.Should().BeFalse();
        Func<Task> connect = () => LoopbackClient.ConnectAsync(harness.Proxy.ListenEndpoint);
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);

        harness.Proxy.Enable();
        using Socket again = await harness.ConnectedEchoAsync();
    }

    [Fact]
    public async Task Reset_connections_resets_the_live_ones_and_lets_the_next_pass()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo());
        using Socket live = await harness.ConnectedEchoAsync();

        harness.Proxy.ResetConnections().Should().Be(1);

        (await LoopbackClient.ReadToEndAsync(live)).End.Should().Be("reset");
        harness.Proxy.Enabled.Should().BeTrue();
        using Socket next = await harness.ConnectedEchoAsync();
        harness.Proxy.Toxics.Should().BeEmpty("a reset is an act, not a toxic left on the proxy");
    }

    [Fact]
    public async Task Dispose_closes_every_connection_and_awaits_every_pump()
    {
        var server = LoopbackServer.Echo();
        var proxy = new ToxicProxy(new ToxicProxyOptions { Upstream = server.HostPort });
        await proxy.StartAsync();
        var clients = new List<Socket>();
        for (int i = 0; i < 5; i++)
        {
            Socket client = await LoopbackClient.ConnectAsync(proxy.ListenEndpoint);
            await LoopbackClient.SendAsync(client, [1]);
            await LoopbackClient.ReadExactlyAsync(client, 1);
            clients.Add(client);
        }
        proxy.ConnectionCount.Should().Be(5);

        await proxy.DisposeAsync().AsTask().WaitAsync(LoopbackClient.Bound);

        proxy.ConnectionCount.Should().Be(0);
        foreach (Socket client in clients)
        {
            (await LoopbackClient.ReadToEndAsync(client)).End.Should().Be("eof");
            client.Dispose();
        }
        await server.DisposeAsync();
    }

    [Fact]
    public void Bad_options_are_rejected_naming_each_field()
    {
        Action create = () => _ = new ToxicProxy(new ToxicProxyOptions { Listen = "nowhere", Upstream = "host-without-port", BufferSize = 10 });

        create.Should().Throw<OptionsValidationException>().Which.Errors.Should().BeEquivalentTo(
        [
            "listen: 'nowhere' is not ip:port (port 0..65535)",
            "upstream: 'host-without-port' is not host:port (port 1..65535)",
            "buffer_size: 10 is out of range 4096..16777216 bytes",
        ]);
    }

    private sealed class TcpListenerProbe : IDisposable
    {
        private readonly TcpListener _listener = new(System.Net.IPAddress.Loopback, 0);

        public TcpListenerProbe() => _listener.Start();

        public int Port => ((System.Net.IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose() => _listener.Stop();
    }
}
