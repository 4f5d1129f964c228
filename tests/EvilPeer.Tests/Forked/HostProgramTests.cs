using System.Diagnostics;
using ChaosFeatures.EvilPeer.Forked;

namespace ChaosFeatures.EvilPeer.Tests.Forked;

public sealed class HostProgramTests
{
    [Fact]
    public async Task Invalid_table_is_one_stderr_line_naming_field_and_range_and_exit_code_2()
    {
        var (exit, stdout, stderr) = await HostProcesses.RunAsync(HostProcesses.Host(), """{"mode":"serve","payloadSize":10,"slice":-1,"closeAfter":20}""");

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.TrimEnd().Split('\n').Should().ContainSingle()
            .Which.Should().Contain("serve.slice: -1 is out of range 0..").And.Contain("serve.closeAfter: 20 is out of range -1..10 bytes");
    }

    [Fact]
    public async Task Unknown_table_field_is_rejected()
    {
        var (exit, _, stderr) = await HostProcesses.RunAsync(HostProcesses.Host(), """{"mode":"serve","slcie":3}""");

        exit.Should().Be(2);
        stderr.Should().Contain("slcie");
    }

    [Fact]
    public async Task Cli_help_and_bad_option()
    {
        (await HostProcesses.RunAsync(HostProcesses.Host("--help"), null)).Stdout.Should().Contain("--close-after");
        var (exit, _, stderr) = await HostProcesses.RunAsync(HostProcesses.Host("serve", "--slice", "ten"), null);
        exit.Should().Be(2);
        stderr.Should().Contain("--slice: \"ten\" is not an integer");
    }

    [Theory]
    [InlineData(new[] { "serve", "--slcie", "3" }, "evilpeer: Invalid command line: --slcie: unknown option (see --help); 3: unknown option (see --help)")]
    [InlineData(new[] { "serve", "--slice" }, "evilpeer: Invalid command line: --slice: needs a value")]
    [InlineData(new[] { "serve", "--slice", "--delay", "5" }, "evilpeer: Invalid command line: --slice: needs a value")]
    [InlineData(new[] { "serve", "--slice", "ten", "--delay", "soon" }, "evilpeer: Invalid command line: --slice: \"ten\" is not an integer; --delay: \"soon\" is not an integer")]
    [InlineData(new[] { "http", "extra" }, "evilpeer: Invalid command line: extra: unknown option (see --help)")]
    [InlineData(new[] { "proxy", "--upstream", "127.0.0.1:1", "--lisen", "x" }, "evilpeer: Invalid command line: --lisen: unknown option (see --help); x: unknown option (see --help)")]
    [InlineData(new[] { "proxy", "--upstream", "127.0.0.1:1", "--seed", "-1" }, "evilpeer: Invalid command line: --seed: \"-1\" is not a non-negative integer")]
    [InlineData(new[] { "client", "--target" }, "evilpeer: Invalid command line: --target: needs a value")]
    [InlineData(new[] { "client", "--tagret", "127.0.0.1:1" }, "evilpeer: Invalid command line: --tagret: unknown option (see --help); 127.0.0.1:1: unknown option (see --help)")]
    public async Task A_bad_argument_is_one_stderr_line_and_exit_code_2(string[] args, string expected)
    {
        var (exit, stdout, stderr) = await HostProcesses.RunAsync(HostProcesses.Host(args), null);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Be(expected);
    }

    [Fact]
    public async Task Host_dies_with_its_parent_even_when_stdin_stays_open()
    {
        // sh forks the host, prints its pid and waits. An async list's stdin is /dev/null before its own
        // redirections, so our pipe is handed over through fd 3: the host's stdin stays open.
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec 3<&0; \"$0\" \"$1\" <&3 3<&- & echo $!; wait");
        info.ArgumentList.Add(HostLocator.DotnetMuxer());
        info.ArgumentList.Add(HostLocator.Resolve());
        info.Environment.Remove(HostLocator.ParentPidVariable);
        using var shell = Process.Start(info)!;
        int hostPid = 0;
        try
        {
            hostPid = int.Parse((await shell.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)))!);
            await shell.StandardInput.WriteLineAsync("""{"mode":"echo"}""");
            await shell.StandardInput.FlushAsync();
            string? endpoint = await shell.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            endpoint.Should().Contain("127.0.0.1:", "the host is up before its parent dies");
            _ = shell.StandardOutput.ReadToEndAsync(); // keep the host's event pipe drained

            shell.Kill();
            await shell.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));

            (await HostProcesses.BecomesGoneAsync(hostPid, TimeSpan.FromSeconds(10))).Should().BeTrue("PR_SET_PDEATHSIG kills an orphaned host");
        }
        finally
        {
            if (!shell.HasExited) shell.Kill(entireProcessTree: true);
            if (hostPid > 0 && !HostProcesses.IsGone(hostPid)) Process.GetProcessById(hostPid).Kill();
        }
    }
}
