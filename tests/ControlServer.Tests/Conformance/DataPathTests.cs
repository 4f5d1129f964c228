using System.Net;
using System.Net.Sockets;
using System.Text;
using ChaosFeatures.Control.Tests.Support;

namespace ChaosFeatures.Control.Tests.Conformance;

/// <summary>Toxiproxy's data-path behaviours (reference §1.4-1.7), driven through the API with real sockets on loopback.</summary>
public sealed class DataPathTests : IAsyncLifetime
{
    private ApiHarness _harness = null!;
    private LoopbackServer _echo = null!;
    private readonly List<Socket> _clients = [];

    private ApiClient Api => _harness.Api;

    public async Task InitializeAsync()
    {
        _harness = await ApiHarness.StartAsync();
        _echo = LoopbackServer.Echo();
    }

    public async Task DisposeAsync()
    {
        foreach (Socket client in _clients) client.Dispose();
        await _harness.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Fact]
    public async Task Data_passes_through_including_64_KiB_and_two_part_writes()
    {
        int port = await CreateAsync("p");
        Socket client = await ConnectAsync(port);
        byte[] big = LoopbackClient.Payload(64 * 1024);
        await LoopbackClient.SendAsync(client, big[..1000]);
        await LoopbackClient.SendAsync(client, big[1000..]);
        (await LoopbackClient.ReadExactlyAsync(client, big.Length)).Should().Equal(big);
    }

    [Fact]
    public async Task An_unreachable_upstream_is_accept_then_EOF_within_500_ms()
    {
        int dead = FreePort.Next();
        int port = await CreateAsync("p", upstream: $"127.0.0.1:{dead}");
        Socket client = await ConnectAsync(port);
        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client, TimeSpan.FromSeconds(5));
        outcome.End.Should().Be("eof");
        outcome.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "500 ms in Toxiproxy's test; generous here because the machine is shared");
    }

    [Fact]
    public async Task An_upstream_that_is_not_host_port_is_accepted_and_fails_only_at_dial()
    {
        (await Api.PostAsync("/proxies", """{"name":"p","listen":"127.0.0.1:0","upstream":"nohost-without-port"}""")).Status.Should().Be(201);
        int port = FreePort.PortOf((await Api.GetAsync("/proxies/p")).Json.GetProperty("listen").GetString()!);
        (await LoopbackClient.ReadToEndAsync(await ConnectAsync(port))).End.Should().Be("eof");
    }

    [Fact]
    public async Task Disabling_closes_live_connections_with_FIN_refuses_new_ones_and_keeps_toxics_and_port()
    {
        int port = await CreateAsync("p");
        await Api.PostAsync("/proxies/p/toxics", """{"type":"latency","attributes":{"latency":1}}""");
        Socket live = await EchoedAsync(port);

        await Api.PatchAsync("/proxies/p", """{"enabled":false}""");

        (await LoopbackClient.ReadToEndAsync(live)).End.Should().Be("eof");
        (await FreePort.IsUpAsync(port)).Should().BeFalse();
        var enabled = (await Api.PatchAsync("/proxies/p", """{"enabled":true}""")).Json;
        FreePort.PortOf(enabled.GetProperty("listen").GetString()!).Should().Be(port, "re-enabling binds the same port");
        enabled.GetProperty("toxics").GetArrayLength().Should().Be(1, "toxics survive disable and enable");
        await EchoedAsync(port);
    }

    [Fact]
    public async Task Changing_the_upstream_restarts_on_the_same_port_and_a_new_listen_port_0_moves_it()
    {
        int port = await CreateAsync("p");
        await using var other = LoopbackServer.Echo();
        Socket live = await EchoedAsync(port);

        var moved = (await Api.PatchAsync("/proxies/p", $$"""{"upstream":"{{other.HostPort}}"}""")).Json;
        FreePort.PortOf(moved.GetProperty("listen").GetString()!).Should().Be(port);
        moved.GetProperty("enabled").GetBoolean().Should().BeTrue();
        (await LoopbackClient.ReadToEndAsync(live)).End.Should().Be("eof", "a restart closes live connections");
        await EchoedAsync(port);

        var relisted = (await Api.PatchAsync("/proxies/p", """{"listen":"127.0.0.1:0"}""")).Json;
        FreePort.PortOf(relisted.GetProperty("listen").GetString()!).Should().NotBe(port);
    }

    [Fact]
    public async Task An_update_with_localhost_and_the_same_port_keeps_live_connections()
    {
        int port = await CreateAsync("p");
        Socket live = await EchoedAsync(port);

        await Api.PatchAsync("/proxies/p", $$"""{"listen":"localhost:{{port}}"}""");

        await LoopbackClient.SendAsync(live, [9]);
        (await LoopbackClient.ReadExactlyAsync(live, 1)).Should().Equal(9);
    }

    [Fact]
    public async Task Deleting_closes_connections_and_toxics_go_with_it()
    {
        int port = await CreateAsync("p");
        Socket live = await EchoedAsync(port);
        await Api.DeleteAsync("/proxies/p");
        (await LoopbackClient.ReadToEndAsync(live)).End.Should().Be("eof");
        await CreateAsync("p");
        (await Api.GetAsync("/proxies/p/toxics")).Body.Should().Be("[]");
    }

    [Fact]
    public async Task A_latency_toxic_delays_traffic_and_removing_it_restores_it()
    {
        int port = await CreateAsync("p");
        Socket client = await EchoedAsync(port);
        await Api.PostAsync("/proxies/p/toxics", """{"type":"latency","stream":"upstream","attributes":{"latency":300}}""");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await LoopbackClient.SendAsync(client, [1]);
        await LoopbackClient.ReadExactlyAsync(client, 1);
        watch.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(280));
    }

    [Fact]
    public async Task Removing_a_timeout_toxic_closes_the_connection()
    {
        int port = await CreateAsync("p");
        Socket client = await EchoedAsync(port);
        await Api.PostAsync("/proxies/p/toxics", """{"type":"timeout","attributes":{"timeout":0}}""");
        await LoopbackClient.SendAsync(client, [1]);
        (await LoopbackClient.ReadToEndAsync(client, TimeSpan.FromMilliseconds(300))).End.Should().Be("timeout");

        (await Api.DeleteAsync("/proxies/p/toxics/timeout_downstream")).Status.Should().Be(204);

        (await LoopbackClient.ReadToEndAsync(client)).End.Should().Be("eof");
    }

    [Fact]
    public async Task Bandwidth_rate_0_stalls_until_removed()
    {
        int port = await CreateAsync("p");
        Socket client = await EchoedAsync(port);
        await Api.PostAsync("/proxies/p/toxics", """{"type":"bandwidth","attributes":{"rate":0}}""");
        await LoopbackClient.SendAsync(client, [1, 2]);
        (await LoopbackClient.ReadToEndAsync(client, TimeSpan.FromMilliseconds(400))).Bytes.Should().BeEmpty();

        await Api.DeleteAsync("/proxies/p/toxics/bandwidth_downstream");

        (await LoopbackClient.ReadExactlyAsync(client, 2)).Should().Equal(1, 2);
    }

    [Fact]
    public async Task Limit_data_of_3_bytes_gives_hel_then_EOF()
    {
        await using var hello = LoopbackServer.Serving(Encoding.ASCII.GetBytes("hello"));
        int port = await CreateAsync("p", upstream: hello.HostPort);
        await Api.PostAsync("/proxies/p/toxics", """{"type":"limit_data","attributes":{"bytes":3}}""");

        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(await ConnectAsync(port));

        Encoding.ASCII.GetString(outcome.Bytes).Should().Be("hel");
        outcome.End.Should().Be("eof");
    }

    [Fact]
    public async Task Populate_with_port_0_replaces_the_proxy_every_time()
    {
        string body = $$"""[{"name":"p","listen":"127.0.0.1:0","upstream":"{{_echo.HostPort}}"}]""";
        string first = (await Api.PostAsync("/populate", body)).Json.GetProperty("proxies")[0].GetProperty("listen").GetString()!;
        await Api.PostAsync("/proxies/p/toxics", """{"type":"latency"}""");
        var second = (await Api.PostAsync("/populate", body)).Json.GetProperty("proxies")[0];
        second.GetProperty("listen").GetString().Should().NotBe(first);
        second.GetProperty("toxics").GetArrayLength().Should().Be(0, "a replaced proxy is a new one");
    }

    [Fact]
    public async Task An_empty_populate_answers_proxies_null_and_deletes_nothing()
    {
        await CreateAsync("p");
        ApiReply reply = await Api.PostAsync("/populate", "[]");
        reply.Status.Should().Be(201);
        reply.Body.Should().Be("""{"proxies":null}""");
        (await Api.GetAsync("/proxies/p")).Status.Should().Be(200);
    }

    private async Task<int> CreateAsync(string name, string? upstream = null)
    {
        ApiReply created = await Api.PostAsync("/proxies", $$"""{"name":"{{name}}","listen":"127.0.0.1:0","upstream":"{{upstream ?? _echo.HostPort}}"}""");
        created.Status.Should().Be(201, created.Body);
        return FreePort.PortOf(created.Json.GetProperty("listen").GetString()!);
    }

    private async Task<Socket> ConnectAsync(int port)
    {
        Socket client = await LoopbackClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        _clients.Add(client);
        return client;
    }

    /// <summary>Connected and one echo round trip done, so the upstream leg is surely up.</summary>
    private async Task<Socket> EchoedAsync(int port)
    {
        Socket client = await ConnectAsync(port);
        await LoopbackClient.SendAsync(client, [1, 2, 3]);
        (await LoopbackClient.ReadExactlyAsync(client, 3)).Should().Equal(1, 2, 3);
        return client;
    }
}
