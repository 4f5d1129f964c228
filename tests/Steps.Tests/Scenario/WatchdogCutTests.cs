using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChaosFeatures.EvilPeer.Waiting;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Suite;
using ChaosFeatures.Harness.Replay;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Steps.Tests.Bindings;
using ChaosFeatures.Steps.Tests.Support;

namespace ChaosFeatures.Steps.Tests.Scenario;

/// <summary>
/// A case that started a real server under test, an in-process flood and a forked one, and then hung in a step, is
/// cut by the watchdog; whether its step honours the cut or has to be abandoned, nothing is left: no process (the
/// server, its guard, the forked client), no socket on the server's port, no temp folder. Alone, so that the
/// process's descendants are the fixture's.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed partial class WatchdogCutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task A_case_cut_by_the_watchdog_leaves_no_process_socket_or_temp_folder()
    {
        var before = Leftovers.Descendants();
        var foldersBefore = Leftovers.TempFolders(ServerUnderTest.TempFolderPrefix("WatchdogCut"));
        // One run (Reqnroll runs one test run per assembly at a time), its two cases at once, as two features of a suite run.
        var suite = FeatureSuite.Load(FixtureRun.Root, ["Fixtures/watchdog_honours.feature", "Fixtures/watchdog_ignores.feature"], ExpansionOptions.Default);
        suite.Errors.Should().BeEmpty();
        CaseResult[] results;
        await using (var run = await SuiteRun.StartAsync(new SuiteRunOptions(typeof(FixtureRun).Assembly, suite) { ScenarioTimeout = Timeout }))
        {
            try
            {
                results = await Task.WhenAll(suite.TestCases.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => run.RunAsync(c)));
            }
            finally
            {
                HangingSteps.Release(); // before the run ends: its end waits for the abandoned runner
            }
        }

        results[0].Message.Should().Contain("Scenario timed out after 8 s in step 'Then server \"WatchdogCut\" holds at least 1000 connections within 600000 ms'");
        results[1].Message.Should().Contain("Scenario timed out after 8 s in step 'And the step hangs ignoring the watchdog'");
        foreach (var result in results)
        {
            result.Status.Should().Be(CaseStatus.Failed);
            result.Message.Should().Contain("Replay descriptor: ").And.NotContain("after the scenario:", "the end found nothing left behind");
            var (pid, port) = await ServerStartAsync(result);
            Leftovers.IsGone(pid).Should().BeTrue($"the server (pid {pid})");
            (await Leftovers.UntilNoneAsync(() => Leftovers.SocketsOn(port))).Should().BeEmpty($"no socket on the server's port {port}");
            result.Message.Should().Contain("F finished").And.Contain("E finished", "both floods ended");
        }
        (await Leftovers.UntilNoneAsync<int>(() => [.. Leftovers.Descendants().Except(before)])).Should().BeEmpty("no guard, server or forked client is left");
        Leftovers.TempFolders(ServerUnderTest.TempFolderPrefix("WatchdogCut")).Should().BeEquivalentTo(foldersBefore, "no server folder is left");
    }

    /// <summary>
    /// The server's pid and port, from its <c>start</c> event in the run's events.jsonl (the message's timeline keeps only
    /// the last events). The log is written in the background, so the line may land a moment after the case ends.
    /// </summary>
    private static async Task<(int Pid, int Port)> ServerStartAsync(CaseResult result)
    {
        var descriptor = ReplayDescriptorJson.Read(DescriptorPath().Match(result.Message!).Groups["path"].Value);
        (int, int)? start = null;
        await Eventually.UntilAsync(async _ => (start = await FindServerStartAsync(descriptor)) is not null,
            TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);
        return start ?? throw new InvalidOperationException($"no start event of the server of {descriptor.TestId} in {descriptor.EventsPath}");
    }

    private static async Task<(int Pid, int Port)?> FindServerStartAsync(ReplayDescriptor descriptor)
    {
        // The run's log stays open for appending until the process exits.
        await using var stream = new FileStream(descriptor.EventsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync() is { } line)
        {
            var e = JsonNode.Parse(line)!;
            if ((string?)e["test"] == descriptor.TestId && (string?)e["actor"] == "WatchdogCut" && (string?)e["event"] == "start")
                return ((int)e["pid"]!, (int)e["port"]!);
        }
        return null;
    }

    [GeneratedRegex(@"Replay descriptor: (?<path>\S+)")]
    private static partial Regex DescriptorPath();
}
