using System.Collections;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Harness.ServersUnderTest.Probes;
using ChaosFeatures.Steps.Run;

namespace ChaosFeatures.Steps.Tests.Run;

/// <summary>reqnroll.json's chaos.servers, checked before the first scenario: a wrong entry is one line naming its key.</summary>
public sealed class ConfiguredServerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("chaos-servers-config-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ChaosRunSettings Load(string servers)
    {
        File.WriteAllText(Path.Combine(_root, SuiteConfiguration.FileName), $$"""{ "chaos": { "servers": {{servers}} } }""");
        return ChaosRunSettings.From(new Hashtable { [SuiteRoot.EnvironmentVariable] = _root }, [_root]);
    }

    [Fact]
    public void An_entry_becomes_a_command_a_probe_and_a_start_timeout()
    {
        var settings = Load("""{ "sample": { "command": "dotnet {bin}/s.dll --port {port} --name 'a b'", "probe": "line:PING -> +PONG", "startTimeoutMs": 9000, "install": "apt-get install s" } }""");

        var server = settings.Server("sample");
        server.Command.Program.Should().Be("dotnet");
        server.Command.Arguments.Should().Equal("{bin}/s.dll", "--port", "{port}", "--name", "a b");
        server.Probe.Description.Should().Be("PING -> +PONG");
        server.StartTimeoutMs.Should().Be(9000);
        server.Install.Should().Be("apt-get install s");
        Load("""{ "bare": { "command": "s {port}" } }""").Server("bare").Probe.Should().BeSameAs(ConnectProbe.Instance);
    }

    [Theory]
    [InlineData("""{ "s": { "command": "s --port 7000" } }""", "'chaos.servers.s.command': must contain {port} where the harness puts the free port it picked")]
    [InlineData("""{ "s": { "command": "s '{port}" } }""", "'chaos.servers.s.command': not a command line: command: the quote ' is not closed")]
    [InlineData("""{ "s": { "command": "s {port}", "probe": "pong" } }""", "'chaos.servers.s.probe': \"pong\" is not one of connect, length-prefixed, redis-ping, line:REQUEST -> REPLY")]
    [InlineData("""{ "s": { "command": "s {port}", "probe": "line:PING" } }""", "'chaos.servers.s.probe': \"line:PING\" is not line:REQUEST -> REPLY")]
    [InlineData("""{ "s": { "command": "s {port}", "startTimeoutMs": 999999 } }""", "'chaos.servers.s.startTimeoutMs': 999999 is out of range 1..120000 ms")]
    public void A_wrong_entry_fails_the_run_with_one_line_naming_its_key(string servers, string expected)
    {
        var message = FluentActions.Invoking(() => Load(servers)).Should().Throw<ConfigurationException>().Which.Message;

        message.Should().StartWith(Path.Combine(_root, SuiteConfiguration.FileName) + ": ").And.Contain(expected).And.NotContain("\n");
    }

    [Fact]
    public void A_name_nobody_configured_lists_the_configured_ones()
    {
        var settings = Load("""{ "b": { "command": "b {port}" }, "a": { "command": "a {port}" } }""");

        FluentActions.Invoking(() => settings.Server("c")).Should().Throw<InvalidOperationException>()
            .WithMessage($"no server \"c\" under chaos.servers in {Path.Combine(_root, SuiteConfiguration.FileName)}; configured: a, b");
    }
}
