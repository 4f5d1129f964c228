using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.EvilPeer.Waiting;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Harness.ServersUnderTest.Probes;

namespace ChaosFeatures.Harness.Tests.ServersUnderTest;

/// <summary>Starting a user's server: bad input gets a one-line reason fast, and nothing is left running.</summary>
public sealed class ServerUnderTestStartTests
{
    [Fact]
    public async Task The_sample_server_starts_on_a_picked_port_and_is_watched_from_proc()
    {
        await using ServerUnderTest server = await ServerUnderTest.StartAsync(new ServerUnderTestOptions("S", ServerCommands.LengthPrefixed()));

        server.EndPoint.Address.Should().Be(IPAddress.Loopback);
        ServerSnapshot snapshot = server.Snapshot();
        snapshot.Alive.Should().BeTrue();
        snapshot.ProcessId.Should().Be(server.ProcessId, "dotnet runs the app in its own process");
        snapshot.ListeningPorts.Should().Equal(server.EndPoint.Port);
        snapshot.RssKb.Should().BeGreaterThan(1000);
        snapshot.Threads.Should().BeGreaterThan(1);
        snapshot.OpenFds.Should().BeGreaterThan(3);
        snapshot.Established.Should().Be(0, "the harness saw it listen in /proc, without connecting");
        // Seen listening in /proc, the server may not have had its line read from the pipe yet.
        string line = $"listening on 127.0.0.1:{server.EndPoint.Port}";
        (await Eventually.UntilAsync(() => server.StdoutTail().Contains(line), TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None))
            .Should().BeTrue($"its stdout says \"{line}\" (got \"{server.StdoutTail()}\")");
        Directory.Exists(server.Folder).Should().BeTrue();
    }

    [Fact]
    public async Task A_command_that_does_not_exist_is_one_line_and_starts_nothing()
    {
        // A name of its own: other tests start servers named S in parallel, and their temp folders come and go.
        string[] before = Processes.TempFolders(ServerUnderTest.TempFolderPrefix("Missing"));
        Func<Task> onPath = () => ServerUnderTest.StartAsync(new ServerUnderTestOptions("Missing", ServerCommand.Parse("no-such-server --port {port}")));
        Func<Task> byPath = () => ServerUnderTest.StartAsync(new ServerUnderTestOptions("Missing", ServerCommand.Parse("/nonexistent/server {port}")));

        (await onPath.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be("server Missing: command \"no-such-server\" is not on PATH");
        (await byPath.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be("server Missing: command \"/nonexistent/server\" does not exist");
        Processes.TempFolders(ServerUnderTest.TempFolderPrefix("Missing")).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_server_that_exits_early_is_reported_at_once_with_its_code_and_stderr()
    {
        var clock = Stopwatch.StartNew();
        Func<Task> start = () => ServerUnderTest.StartAsync(new ServerUnderTestOptions("S",
            new ServerCommand("/bin/sh", ["-c", "echo 'cannot open config' >&2; echo 'giving up' >&2; exit 3", "{port}"])));

        string message = (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message;

        message.Should().MatchRegex(@"^server S exited with code 3 before it listened on 127\.0\.0\.1:\d+ \(\d+ ms\); stderr: cannot open config \| giving up$");
        message.Should().NotContain("\n");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "an exit is not waited out until the start bound");
    }

    [Fact]
    public async Task The_sample_server_given_bad_options_exits_2_with_its_own_one_line_reason()
    {
        Func<Task> start = () => ServerUnderTest.StartAsync(new ServerUnderTestOptions("S", ServerCommands.LengthPrefixed("--max-frame", "-1")));

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should()
            .Contain("exited with code 2").And.EndWith("stderr: lengthprefixed-server: --max-frame: \"-1\" is not an integer in 1..268435456");
    }

    [Fact]
    public async Task A_port_never_opened_times_out_in_one_line_and_the_process_is_killed()
    {
        int port = Processes.FreePort();
        var options = new ServerUnderTestOptions("S", new ServerCommand("sleep", ["300"]), port: port, startTimeoutMs: 1000);
        var clock = Stopwatch.StartNew();

        Func<Task> start = () => ServerUnderTest.StartAsync(options);

        string message = (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message;
        message.Should().MatchRegex($@"^server S did not listen on 127\.0\.0\.1:{port} within 1000 ms \(pid (\d+), state S; the port never opened\); stderr: \(empty\)$");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        int pid = int.Parse(System.Text.RegularExpressions.Regex.Match(message, @"pid (\d+)").Groups[1].Value);
        (await Processes.BecomesGoneAsync(pid)).Should().BeTrue("the command that never listened is killed, not left running");
    }

    [Fact]
    public async Task A_port_already_taken_is_refused_before_anything_starts()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        int port = ((IPEndPoint)taken.LocalEndPoint!).Port;

        Func<Task> start = () => ServerUnderTest.StartAsync(new ServerUnderTestOptions("S", ServerCommands.LengthPrefixed(), port: port));

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be($"server S: 127.0.0.1:{port} is already in use by another process");
    }

    [Fact]
    public void Bad_options_name_the_field_and_range()
    {
        var noPlaceholder = () => new ServerUnderTestOptions("S", ServerCommand.Parse("redis-server"), startTimeoutMs: 0);
        var badPort = () => new ServerUnderTestOptions("two words", ServerCommand.Parse("x {port}"), port: -1);

        noPlaceholder.Should().Throw<OptionsValidationException>().Which.Errors.Should().BeEquivalentTo(
            "port: 0 (pick one) needs {port} in the command's arguments; otherwise give the port \"redis-server\" listens on",
            "startTimeout: 0 is out of range 1..120000 ms");
        badPort.Should().Throw<OptionsValidationException>().Which.Errors.Should().BeEquivalentTo(
            "name: \"two words\" must be 1..64 characters without whitespace", "port: -1 is out of range 0..65535");
        var unclosed = () => ServerCommand.Parse("server --name 'a b");
        unclosed.Should().Throw<OptionsValidationException>().WithMessage("*command: the quote ' is not closed in \"server --name 'a b\"*");
        var empty = () => ServerCommand.Parse("  ");
        empty.Should().Throw<OptionsValidationException>().WithMessage("*command: is empty; give the program that starts the server*");
    }

    [Fact]
    public void A_command_line_splits_like_a_shell_without_one()
    {
        ServerCommand command = ServerCommand.Parse("""dotnet "my server.dll" --name 'a b' --port {port} --empty "" """);

        command.Program.Should().Be("dotnet");
        command.Arguments.Should().Equal("my server.dll", "--name", "a b", "--port", "{port}", "--empty", "");
        command.ArgumentsFor(7000, "/tmp/x").Should().Equal("my server.dll", "--name", "a b", "--port", "7000", "--empty", "");
        new ServerCommand("redis-server", ["--dir", "{folder}"]).ArgumentsFor(1, "/tmp/f").Should().Equal("--dir", "/tmp/f");
    }

    [Fact]
    public void Bin_is_the_tests_folder_dotnet_is_our_muxer_and_a_relative_program_starts_from_the_working_directory()
    {
        string bin = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        ServerCommand sample = ServerCommand.Parse("dotnet {bin}/" + ServerCommands.LengthPrefixedDll + " --port {port}");
        string folder = Path.GetFileName(bin);

        sample.ArgumentsFor(7, "/f").Should().Equal($"{bin}/{ServerCommands.LengthPrefixedDll}", "--port", "7");
        sample.ResolveProgram().Should().Be(ChaosFeatures.EvilPeer.Forked.HostLocator.DotnetMuxer(), "the SDK that runs the tests runs the server");
        new ServerCommand("{bin}/" + ServerCommands.LengthPrefixedDll).ResolveProgram().Should().Be(Path.Combine(bin, ServerCommands.LengthPrefixedDll));
        new ServerCommand($"./{folder}/{ServerCommands.LengthPrefixedDll}").ResolveProgram(Path.GetDirectoryName(bin))
            .Should().Be(Path.Combine(bin, ServerCommands.LengthPrefixedDll));
        ServerCommand.Words("--limit 'normal 1mb 0' -x").Should().Equal("--limit", "normal 1mb 0", "-x");
        sample.With(["--size-check", "early"]).Arguments.Should().EndWith(["--size-check", "early"]);
    }

    [Theory]
    [InlineData("connect", "a TCP connect")]
    [InlineData("length-prefixed", "a length-prefixed echo of 4 bytes")]
    [InlineData("redis-ping", "PING -> +PONG")]
    [InlineData("line:HELLO -> WORLD 1", "HELLO -> WORLD 1")]
    public void Probes_are_named_as_features_write_them(string name, string description) =>
        ServerProbes.Parse(name).Description.Should().Be(description);

    [Theory]
    [InlineData("pong", "probe: \"pong\" is not one of connect, length-prefixed, redis-ping, line:REQUEST -> REPLY")]
    [InlineData("line:PING", "probe: \"line:PING\" is not line:REQUEST -> REPLY (both non-empty, one \"->\")")]
    [InlineData("line: -> +PONG", "probe: \"line: -> +PONG\" is not line:REQUEST -> REPLY (both non-empty, one \"->\")")]
    public void An_unknown_probe_is_one_line_listing_the_known_ones(string name, string message) =>
        FluentActions.Invoking(() => ServerProbes.Parse(name)).Should().Throw<ArgumentException>().Which.Message.Should().StartWith(message);
}
