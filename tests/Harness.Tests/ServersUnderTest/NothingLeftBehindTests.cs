using System.Diagnostics;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Forked;
using ChaosFeatures.EvilPeer.EvilClients.Hold;
using ChaosFeatures.Harness.Leaks;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Harness.ServersUnderTest.Probes;

namespace ChaosFeatures.Harness.Tests.ServersUnderTest;

/// <summary>
/// No process, socket or temp folder is left after an attack, even when the step was cut by a
/// timeout (abandoned mid-wait or mid-start, as the Gherkin watchdog does) or the test host died.
/// </summary>
public sealed class NothingLeftBehindTests
{
    private static readonly TimeSpan Bound = Processes.Bound;

    [Fact]
    public async Task A_scenario_cut_mid_wait_leaves_no_process_socket_folder_or_task()
    {
        var leaks = new LeakChecker();
        var scenario = new ScenarioServers(() => null, leaks);
        ServerUnderTest server = await scenario.StartServerAsync(new ServerUnderTestOptions("S", ServerCommands.LengthPrefixed(), probe: LengthPrefixedProbe.Default));
        IEvilClient flood = await scenario.StartClientAsync(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(600_000), connections: 30));
        var forked = (ForkedEvilClient)await scenario.StartClientAsync(new EvilClientOptions("F", server.EndPoint, new HoldBehaviour(600_000), connections: 10), forked: true);
        await flood.Stats.WaitUntilAsync(s => s.Open == 30, "30 open", Bound);
        await forked.Stats.WaitUntilAsync(s => s.Open == 10, "10 open", Bound);
        (int pid, string folder) = (server.ProcessId, server.Folder);

        // A step that hangs: the server is paused and the step waits for what will not come. The
        // watchdog gives up on it; the after-scenario hook disposes the scenario's servers.
        server.Signal(ServerSignal.Stop);
        await server.WaitUntilAsync(s => s.Stopped, "stopped", Bound); // the signal is delivered asynchronously
        Task hung = server.WaitUntilAsync(s => s.Established > 1000, "1000 connections", TimeSpan.FromMinutes(10));
        Task hungProbe = server.ProbeAsync(TimeSpan.FromMinutes(10));
        Func<Task> cut = () => Task.WhenAny(hung, hungProbe).Unwrap().WaitAsync(TimeSpan.FromMilliseconds(300));
        await cut.Should().ThrowAsync<TimeoutException>();
        leaks.NoteSuspects();
        var clock = Stopwatch.StartNew();
        await scenario.DisposeAsync();

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "ending the scenario is bounded even with a paused server");
        (await Processes.BecomesGoneAsync(pid)).Should().BeTrue("the server");
        (await Processes.BecomesGoneAsync(forked.ProcessId)).Should().BeTrue("the forked evil client");
        (await Processes.FolderBecomesGoneAsync(folder)).Should().BeTrue("the server's temp folder");
        await FluentActions.Awaiting(() => hung).Should().ThrowAsync<OperationCanceledException>("the abandoned wait ends with the server");
        await FluentActions.Awaiting(() => hungProbe).Should().ThrowAsync<OperationCanceledException>();
        LeakCheckResult check = await leaks.CheckAsync(scheduler: null);
        check.Leaks.Should().BeEmpty("every socket of the in-process flood to the server's port is closed");
        check.SkippedReason.Should().BeNull();
        (await flood.Completion).Stats.Open.Should().Be(0);
    }

    [Fact]
    public async Task A_start_cut_before_the_port_opens_leaves_no_process_or_folder()
    {
        string marker = $"{Random.Shared.Next(100_000, 999_999)}.25";
        string[] before = Processes.TempFolders(ServerUnderTest.TempFolderPrefix("slow"));
        var scenario = new ScenarioServers(() => null);
        Task<ServerUnderTest> starting = scenario.StartServerAsync(new ServerUnderTestOptions("slow", new ServerCommand("sleep", [marker]),
            port: Processes.FreePort(), startTimeoutMs: 60_000));
        int pid = await WaitForProcessAsync(marker);

        await FluentActions.Awaiting(() => starting.WaitAsync(TimeSpan.FromMilliseconds(300))).Should().ThrowAsync<TimeoutException>();
        await scenario.DisposeAsync();

        await FluentActions.Awaiting(() => starting).Should().ThrowAsync<OperationCanceledException>();
        (await Processes.BecomesGoneAsync(pid)).Should().BeTrue("the command that never listened");
        Processes.TempFolders(ServerUnderTest.TempFolderPrefix("slow")).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task When_the_test_host_dies_the_guard_kills_the_server_and_removes_its_folder()
    {
        ServerUnderTest server = await ServerUnderTest.StartAsync(new ServerUnderTestOptions("S", ServerCommands.LengthPrefixed()));
        try
        {
            // Only what the kernel does for a SIGKILLed host: the pipe to the guard closes. Nothing of ours kills anything.
            server.ClosePipeAsIfTheHostDied();

            (await Processes.BecomesGoneAsync(server.ProcessId)).Should().BeTrue();
            (await Processes.FolderBecomesGoneAsync(server.Folder)).Should().BeTrue();
            (await server.WaitForExitAsync(Bound)).Code.Should().Be(137, "SIGKILLed by its guard");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task What_the_server_forks_dies_with_it()
    {
        // A server that starts a helper and listens through a child: the whole process group goes.
        await using var scenario = new ScenarioServers(() => null);
        ServerUnderTest server = await scenario.StartServerAsync(new ServerUnderTestOptions("P",
            new ServerCommand("/bin/sh", ["-c", "sleep 600 & exec \"$0\" \"$@\"", .. ServerCommands.LengthPrefixed().Arguments.Prepend(ServerCommands.LengthPrefixed().Program)])));
        int[] group = [.. Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => int.TryParse(n, out _)).Select(int.Parse!)
            .Where(p => ReadGroup(p) == server.ProcessId)];
        group.Should().HaveCountGreaterThanOrEqualTo(2, "the server and its sleeping helper share its process group");

        await scenario.DisposeAsync();

        foreach (int member in group) (await Processes.BecomesGoneAsync(member)).Should().BeTrue($"pid {member} of the server's group");
    }

    private static int ReadGroup(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[2]);
        }
        catch (Exception e) when (e is IOException or FormatException) { return -1; }
    }

    private static async Task<int> WaitForProcessAsync(string argument)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Bound)
        {
            foreach (string dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
                try
                {
                    if (File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0').Contains(argument)) return pid;
                }
                catch (IOException) { }
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"no process with argument {argument} within {Bound}");
    }
}
