using System.Net;
using System.Net.Sockets;
using ChaosFeatures.Control.Tests.Support;

namespace ChaosFeatures.Control.Tests.Conformance;

/// <summary>Where we differ from Toxiproxy on purpose (the README's table): each fix of one of its known faults.</summary>
public sealed class BeyondToxiproxyTests : IAsyncLifetime
{
    private ApiHarness _harness = null!;
    private LoopbackServer _echo = null!;
    private readonly List<Socket> _clients = [];

    private ApiClient Api => _harness.Api;

    public async Task InitializeAsync()
    {
        _harness = await ApiHarness.StartAsync(seed: 5);
        _echo = LoopbackServer.Echo();
        (await Api.PostAsync("/proxies", $$"""{"name":"p","listen":"127.0.0.1:0","upstream":"{{_echo.HostPort}}"}""")).Status.Should().Be(201);
    }

    public async Task DisposeAsync()
    {
        foreach (Socket client in _clients) client.Dispose();
        await _harness.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"type":"bandwidth","attributes":{"rate":-1}}""", "bandwidth.rate: -1 is out of range 0..92233720368547758")]
    [InlineData("""{"type":"slicer","attributes":{"average_size":0}}""", "slicer.average_size: 0 is out of range 1..")]
    [InlineData("""{"type":"slicer","attributes":{"average_size":2,"size_variation":10}}""", "slicer.size_variation: 10 is out of range -1..2")]
    [InlineData("""{"type":"slicer","attributes":{"average_size":1,"size_variation":-5}}""", "slicer.size_variation: -5 is out of range 0..1")]
    [InlineData("""{"type":"latency","attributes":{"jitter":4611686018427387904}}""", "latency.jitter: 4611686018427387904 is out of range")]
    public async Task Inputs_that_crash_Toxiproxy_get_a_400_naming_the_field_and_the_server_lives_on(string body, string message)
    {
        ApiReply reply = await Api.PostAsync("/proxies/p/toxics", body);

        reply.Status.Should().Be(400);
        reply.Json.GetProperty("error").GetString().Should().StartWith(message);
        (await Api.GetAsync("/proxies/p/toxics")).Body.Should().Be("[]", "nothing was added");
        (await Api.GetAsync("/version")).Status.Should().Be(200);
    }

    [Fact]
    public async Task A_crashing_value_sent_as_an_update_is_refused_and_changes_nothing()
    {
        await Api.PostAsync("/proxies/p/toxics", """{"type":"bandwidth","attributes":{"rate":100}}""");
        (await Api.PatchAsync("/proxies/p/toxics/bandwidth_downstream", """{"attributes":{"rate":-5}}""")).Status.Should().Be(400);
        (await Api.GetAsync("/proxies/p/toxics/bandwidth_downstream")).Json.GetProperty("attributes").GetProperty("rate").GetInt64().Should().Be(100);
    }

    [Fact]
    public async Task Nothing_a_client_sends_crashes_the_server()
    {
        string[] bodies =
        [
            "", "{", "[", "nul", "\"x\"", "123", "{\"type\":[]}", "{\"attributes\":{\"latency\":{}}}", "\u0000\u0001",
            "{\"type\":\"slicer\",\"attributes\":{\"average_size\":-9223372036854775808,\"size_variation\":9223372036854775807}}",
            "{\"type\":\"latency\",\"toxicity\":1e400}", "{\"type\":\"corrupt\",\"attributes\":{\"rate\":5}}",
            "{\"type\":\"limit_time\",\"attributes\":{\"close\":\"maybe\"}}", new string('[', 10_000),
        ];
        foreach (string body in bodies)
        {
            foreach (string path in (string[])["/proxies", "/proxies/p", "/proxies/p/toxics", "/populate", "/reset"])
            {
                ApiReply reply = await Api.PostAsync(path, body);
                reply.Status.Should().BeOneOf([200, 201, 204, 400, 404, 409, 500], $"{path} {body}");
            }
        }
        (await Api.GetAsync("/version")).Status.Should().Be(200);
    }

    [Fact]
    public async Task Toxics_inside_populate_items_are_applied()
    {
        ApiReply reply = await Api.PostAsync("/populate", $$$"""
            [{"name":"db","listen":"127.0.0.1:0","upstream":"{{{_echo.HostPort}}}",
              "toxics":[{"type":"latency","stream":"upstream","attributes":{"latency":250}},{"type":"limit_data","name":"cap","attributes":{"bytes":1000}}]}]
            """);

        reply.Status.Should().Be(201, reply.Body);
        string listen = reply.Json.GetProperty("proxies")[0].GetProperty("listen").GetString()!;
        (await Api.GetAsync("/proxies/db/toxics")).Json.EnumerateArray().Select(t => t.GetProperty("name").GetString())
            .Should().Equal("latency_upstream", "cap");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Socket client = await ConnectAsync(FreePort.PortOf(listen));
        await LoopbackClient.SendAsync(client, [1]);
        await LoopbackClient.ReadExactlyAsync(client, 1);
        watch.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(230), "the populated latency toxic acts");
    }

    [Fact]
    public async Task A_bad_toxic_in_populate_fails_it_whole_naming_proxy_and_toxic()
    {
        ApiReply reply = await Api.PostAsync("/populate", $$"""
            [{"name":"db","listen":"127.0.0.1:0","upstream":"x:1","toxics":[{"type":"latency"},{"type":"lag"}]}]
            """);
        reply.Status.Should().Be(400);
        reply.Json.GetProperty("error").GetString().Should().Be("invalid toxic type at proxy 1 toxic 2");
        (await Api.GetAsync("/proxies/db")).Status.Should().Be(404);
    }

    [Fact]
    public async Task A_config_file_populates_at_start_toxics_included()
    {
        string file = Path.Combine(Path.GetTempPath(), $"chaos-config-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, $$$"""[{"name":"cfg","listen":"127.0.0.1:0","upstream":"{{{_echo.HostPort}}}","toxics":[{"type":"timeout","attributes":{"timeout":0}}]}]""");
            await using var configured = await ApiHarness.StartAsync(configFile: file);
            ApiReply proxy = await configured.Api.GetAsync("/proxies/cfg");
            proxy.Json.GetProperty("enabled").GetBoolean().Should().BeTrue();
            proxy.Json.GetProperty("toxics")[0].GetProperty("type").GetString().Should().Be("timeout");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Reset_peer_added_mid_connection_sends_a_real_RST()
    {
        Socket client = await EchoedAsync();
        await Api.PostAsync("/proxies/p/toxics", """{"type":"reset_peer","attributes":{"timeout":0}}""");
        // Data already flowed, so it resets at once; Toxiproxy sends a FIN here.
        (await LoopbackClient.ReadToEndAsync(client)).End.Should().Be("reset");
    }

    [Fact]
    public async Task Reset_peer_with_toxicity_0_never_resets()
    {
        await Api.PostAsync("/proxies/p/toxics", """{"type":"reset_peer","toxicity":0}""");
        Socket client = await EchoedAsync();
        client.Shutdown(SocketShutdown.Send);
        (await LoopbackClient.ReadToEndAsync(client)).End.Should().Be("eof", "Toxiproxy's #603: its linger 0 turns this close into an RST");
    }

    [Fact]
    public async Task Connect_phase_faults_are_toxics_on_the_API()
    {
        int port = FreePort.PortOf((await Api.GetAsync("/proxies/p")).Json.GetProperty("listen").GetString()!);
        ApiReply refuse = await Api.PostAsync("/proxies/p/toxics", """{"type":"connect_refuse"}""");
        refuse.Status.Should().Be(200, refuse.Body);
        (await FreePort.IsUpAsync(port)).Should().BeFalse("connect_refuse refuses");
        await Api.DeleteAsync("/proxies/p/toxics/connect_refuse_downstream");
        (await FreePort.IsUpAsync(port)).Should().BeTrue();

        (await Api.PostAsync("/proxies/p/toxics", """{"type":"connect_close","attributes":{"close":"rst"}}""")).Status.Should().Be(200);
        // The RST follows the accept so closely that the connect itself may already report it.
        string end;
        try
        {
            end = (await LoopbackClient.ReadToEndAsync(await ConnectAsync(port))).End;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            end = "reset";
        }
        end.Should().Be("reset");
        (await Api.PostAsync("/proxies/p/toxics", """{"type":"connect_refuse","toxicity":0.5}""")).Json.GetProperty("error").GetString()
            .Should().StartWith("toxicity: 0.5 is not allowed: connect_refuse acts on the listener");
    }

    [Fact]
    public async Task The_seed_makes_toxicity_draws_reproducible_and_they_are_in_the_events()
    {
        async Task<object?[]> DrawsAsync()
        {
            await using var harness = await ApiHarness.StartAsync(seed: 99);
            await harness.Api.PostAsync("/proxies", $$"""{"name":"s","listen":"127.0.0.1:0","upstream":"{{_echo.HostPort}}"}""");
            await harness.Api.PostAsync("/proxies/s/toxics", """{"type":"latency","toxicity":0.5}""");
            int port = FreePort.PortOf((await harness.Api.GetAsync("/proxies/s")).Json.GetProperty("listen").GetString()!);
            for (int i = 0; i < 5; i++) await EchoedAsync(port);
            harness.Events.Named("seed").Should().ContainSingle().Which.Fields.Should().Contain(f => f.Key == "seed" && (long)f.Value! == 99);
            return [.. harness.Events.Named("toxic").OrderBy(e => e.ConnectionId).Select(e => RecordingPeerSink.Field(e, "draw"))];
        }

        object?[] first = await DrawsAsync();
        first.Should().HaveCountGreaterThanOrEqualTo(5);
        (await DrawsAsync()).Should().Equal(first);
    }

    [Fact]
    public async Task A_proxy_with_only_Toxiproxy_types_lists_only_Toxiproxy_types()
    {
        foreach (string type in (string[])["latency", "bandwidth", "slow_close", "timeout", "reset_peer", "slicer", "limit_data", "noop"])
            (await Api.PostAsync("/proxies/p/toxics", $$$"""{"type":"{{{type}}}","name":"{{{type}}}","attributes":{"rate":1,"average_size":1}}""")).Status.Should().Be(200);
        (await Api.GetAsync("/proxies/p/toxics")).Json.EnumerateArray().Select(t => t.GetProperty("type").GetString())
            .Should().OnlyContain(t => Toxics.ToxicTypes.ToxiproxyTypes.Contains(t!));
        string listing = (await Api.GetAsync("/proxies")).Body;
        listing.Should().NotContain("limit_time").And.NotContain("corrupt").And.NotContain("connect_");
    }

    private async Task<Socket> ConnectAsync(int port)
    {
        Socket client = await LoopbackClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        _clients.Add(client);
        return client;
    }

    private async Task<Socket> EchoedAsync(int? port = null)
    {
        port ??= FreePort.PortOf((await Api.GetAsync("/proxies/p")).Json.GetProperty("listen").GetString()!);
        Socket client = await ConnectAsync(port.Value);
        await LoopbackClient.SendAsync(client, [1, 2, 3]);
        (await LoopbackClient.ReadExactlyAsync(client, 3)).Should().Equal(1, 2, 3);
        return client;
    }
}
