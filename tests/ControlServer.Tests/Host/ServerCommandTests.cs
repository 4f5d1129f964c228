using ChaosFeatures.Control.Tests.Support;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Control.Tests.Host;

/// <summary><c>evilpeer server</c> as a real process: the README's command, its first line, its bad-input exits.</summary>
public sealed class ServerCommandTests
{
    private static string Host => Path.Combine(AppContext.BaseDirectory, "evilpeer.dll");

    [Fact]
    public async Task It_prints_its_url_first_then_the_seed_event_and_serves_the_API()
    {
        int port = FreePort.Next();
        await using GuardedServer server = await GuardedServer.StartAsync(true, HostLocator.DotnetMuxer(), Host, "server", "--host", "127.0.0.1", "--port", $"{port}", "--seed", "42");

        server.FirstLine.Should().Be($"http://127.0.0.1:{port}");
        using var api = new ApiClient(new Uri(server.FirstLine!));
        (await api.GetAsync("/version")).Body.Should().Be("{\"version\": \"2.12.0\"}\n");
        (await api.PostAsync("/proxies", """{"name":"p","listen":"127.0.0.1:0","upstream":"127.0.0.1:1"}""")).Status.Should().Be(201);
    }

    [Fact]
    public async Task Toxiproxy_single_dash_flags_and_a_config_file_work()
    {
        int port = FreePort.Next();
        string config = Path.Combine(Path.GetTempPath(), $"chaos-server-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(config, """[{"name":"cfg","listen":"127.0.0.1:0","upstream":"127.0.0.1:1","toxics":[{"type":"latency","attributes":{"latency":5}}]}]""");
            await using GuardedServer server = await GuardedServer.StartAsync(true, HostLocator.DotnetMuxer(), Host, "server", "-host", "127.0.0.1", "-port", $"{port}", "-config", config);
            using var api = new ApiClient(new Uri(server.FirstLine!));
            (await api.GetAsync("/proxies/cfg/toxics")).Json.GetArrayLength().Should().Be(1);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData(new[] { "server", "--port", "99999" }, "--port: \"99999\" is not a port in 0..65535")]
    [InlineData(new[] { "server", "--seed", "x" }, "--seed: \"x\" is not an integer in 0..18446744073709551615")]
    [InlineData(new[] { "server", "--config", "/nonexistent/c.json" }, "config: '/nonexistent/c.json' does not exist")]
    [InlineData(new[] { "server", "--host", "nohost" }, "host: 'nohost' is not an IP address or localhost")]
    [InlineData(new[] { "server", "--bogus" }, "--bogus")]
    public async Task Bad_input_exits_2_with_one_line_naming_the_option(string[] args, string expected)
    {
        BoundedProcess.Result result = await BoundedProcess.RunAsync(HostLocator.DotnetMuxer(), AppContext.BaseDirectory, TimeSpan.FromSeconds(30), null, [Host, .. args]);

        result.ExitCode.Should().Be(2, result.Output);
        result.Output.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(expected);
    }
}
