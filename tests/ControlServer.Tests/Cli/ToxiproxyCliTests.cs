using ChaosFeatures.Control.Tests.Support;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Control.Tests.Cli;

/// <summary>Toxiproxy's own CLI drives our server unchanged: list, create, toggle, toxics add/update/remove, delete.</summary>
public sealed class ToxiproxyCliTests
{
    [RequiresToxiproxyFact(cli: true)]
    public async Task Toxiproxy_cli_lists_creates_toggles_edits_toxics_and_deletes()
    {
        await using ApiHarness harness = await ApiHarness.StartAsync();
        await using var upstream = LoopbackServer.Echo();

        (await CliAsync(harness, "create", "-l", "127.0.0.1:0", "-u", upstream.HostPort, "redis")).Should().Contain("Created new proxy redis");
        (await CliAsync(harness, "list")).Should().MatchRegex($@"redis\s+127\.0\.0\.1:\d+\s+{upstream.HostPort.Replace(".", @"\.")}\s+enabled");

        (await CliAsync(harness, "toggle", "redis")).Should().Contain("Proxy redis is now disabled");
        (await harness.Api.GetAsync("/proxies/redis")).Json.GetProperty("enabled").GetBoolean().Should().BeFalse();
        (await CliAsync(harness, "toggle", "redis")).Should().Contain("Proxy redis is now enabled");

        (await CliAsync(harness, "toxic", "add", "-t", "latency", "-n", "lag", "-a", "latency=100", "--tox", "0.5", "redis"))
            .Should().Contain("Added downstream latency toxic 'lag' on proxy 'redis'");
        (await CliAsync(harness, "toxic", "update", "-n", "lag", "-a", "jitter=5", "redis")).Should().Contain("Updated toxic 'lag' on proxy 'redis'");
        var toxic = (await harness.Api.GetAsync("/proxies/redis/toxics/lag")).Json;
        toxic.GetProperty("attributes").GetProperty("latency").GetInt64().Should().Be(100, "an update merges attributes");
        toxic.GetProperty("attributes").GetProperty("jitter").GetInt64().Should().Be(5);
        (await CliAsync(harness, "inspect", "redis")).Should().Contain("lag").And.Contain("latency=100");

        (await CliAsync(harness, "toxic", "add", "-t", "connect_delay", "-a", "delay=300", "-u", "redis"))
            .Should().Contain("Added upstream connect_delay toxic", "our own toxics go through the same CLI");
        (await CliAsync(harness, "toxic", "remove", "-n", "lag", "redis")).Should().Contain("Removed toxic 'lag' on proxy 'redis'");
        (await harness.Api.GetAsync("/proxies/redis/toxics/lag")).Status.Should().Be(404);

        (await CliAsync(harness, "delete", "redis")).Should().Contain("Deleted proxy redis");
        (await harness.Api.GetAsync("/proxies/redis")).Status.Should().Be(404);
    }

    private static async Task<string> CliAsync(ApiHarness harness, params string[] arguments)
    {
        BoundedProcess.Result result = await BoundedProcess.RunAsync(ToxiproxyAnchor.RequireCli(), Path.GetTempPath(), TimeSpan.FromSeconds(30), null,
            ["-h", harness.Server.Url.ToString().TrimEnd('/'), .. arguments]);
        result.ExitCode.Should().Be(0, $"toxiproxy-cli {string.Join(' ', arguments)} said: {result.Output}");
        return result.Output;
    }
}
