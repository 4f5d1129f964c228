using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Steps.Tests.Support;

namespace ChaosFeatures.Steps.Tests.Scenario;

/// <summary>Mistakes with servers under test and evil clients: each case fails at once (nothing hangs) with one line that names what is wrong.</summary>
public sealed class BadInputTests
{
    /// <summary>Well inside any watchdog: a start that cannot succeed says so at once, or within its own start timeout.</summary>
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("a command that does not exist", "server S: command \"no-such-chaos-server\" is not on PATH")]
    [InlineData("a program path that does not exist", "server S: command \"./no/such/server\" does not exist")]
    [InlineData("a port never opened", "server S did not listen on 127.0.0.1:<port> within 1500 ms (pid <pid>, state S; the port never opened); stderr: (empty)")]
    [InlineData("a server that exits before it listens", "server S exited with code 2 before it listened on 127.0.0.1:<port>")]
    [InlineData("a negative rate", "Invalid slowloris behaviour: slowloris.rate: -5 is out of range 1..1000 bytes/s for 1-byte chunks")]
    [InlineData("a negative connection count", "Invalid evil client options \"E\": connections: -3 is out of range 1..10000")]
    [InlineData("a start timeout out of range", "Invalid server under test \"S\": startTimeout: 0 is out of range 1..120000 ms")]
    [InlineData("an unknown signal", "signal \"SIGFOO\" is unknown; known: SIGHUP, SIGINT, SIGQUIT, SIGKILL, SIGUSR1, SIGUSR2, SIGTERM, SIGCONT, SIGSTOP")]
    [InlineData("an unknown probe", "probe: \"ping-pong\" is not one of connect, length-prefixed, redis-ping, line:REQUEST -> REPLY")]
    [InlineData("an unknown frame header", "frame header \"u24be\" is unknown; known: u32be, u32le, u16be, u64be, resp, http")]
    [InlineData("a server nobody configured", "no server \"nope\" under chaos.servers in <root>/reqnroll.json; configured: none")]
    [InlineData("an unclosed quote", "Invalid server command: command: the quote ' is not closed in \"my-server '--port {port}\"")]
    [InlineData("a payload escape that does not exist", "payload \"a\\qb\": \\q is not an escape; use \\r \\n \\t \\0 \\\\ \\\" or \\xHH")]
    [InlineData("an evil client that never attacked", "no evil client \"E\" started yet; known: none yet")]
    [InlineData("a probe that does not fit the server", "server S started but its first legitimate client got no answer: server S did not answer PING -> +PONG within 10000 ms")]
    public async Task A_mistake_fails_fast_with_one_line_naming_it(string scenario, string reason)
    {
        var result = await FixtureRun.RunAsync("servers_bad_input.feature", scenario);

        result.Status.Should().Be(CaseStatus.Failed);
        result.Duration.Should().BeLessThan(Fast, "nothing waits for what cannot come");
        var expected = reason.Replace("<root>", Path.TrimEndingDirectorySeparator(FixtureRun.Root));
        var line = result.Message!.Split('\n').FirstOrDefault(l => Matches(l, expected));
        line.Should().NotBeNull($"one line of the failure should say: {expected}\n{result.Message}");
    }

    /// <summary>The line holds the reason, with a number wherever it says &lt;port&gt; or &lt;pid&gt;.</summary>
    private static bool Matches(string line, string expected)
    {
        var pattern = System.Text.RegularExpressions.Regex.Escape(expected).Replace("<port>", @"\d+").Replace("<pid>", @"\d+");
        return System.Text.RegularExpressions.Regex.IsMatch(line, pattern);
    }
}
