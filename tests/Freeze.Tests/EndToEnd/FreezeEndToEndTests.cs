using System.Diagnostics;
using ChaosFeatures.EvilPeer.Waiting;
using ChaosFeatures.Freeze.Tests.Support;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Suite;
using ChaosFeatures.Harness.Replay;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Freeze.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class FreezeEndToEndTests(PlantedBugRun planted) : IDisposable
{
    private readonly TempFolder _out = new();

    [Fact]
    public void Exactly_the_combinations_with_the_truncating_fault_fail_and_each_leaves_a_descriptor()
    {
        planted.Cases.Should().HaveCount(8);
        foreach (var (testCase, result) in planted.Cases)
        {
            var truncates = testCase.Mutations.Single().ChosenTexts.Contains(PlantedBugRun.TruncatingFault);
            result.Status.Should().Be(truncates ? CaseStatus.Failed : CaseStatus.Passed, testCase.Id + ": " + result.Message);
            if (!truncates) continue;

            var path = PlantedBugRun.DescriptorOf(result);
            path.Should().StartWith(Path.Combine(planted.ResultsFolder, "freeze-e2e", "failures"));
            // The fixture runs from a temp folder, outside the repository: the packaged tool is the way to freeze there.
            result.Message.Should().Contain($"Freeze: dotnet tool run freeze -- {path}");
            var descriptor = ReplayDescriptorJson.Read(path);
            descriptor.TestId.Should().Be(testCase.Id);
            descriptor.FeaturePath.Should().Be("features/truncation.feature");
            descriptor.Mutations.Single().Steps.Should().Contain(PlantedBugRun.TruncatingFault);
            descriptor.FuzzedValues.Should().ContainSingle().Which.Expression.Should().Be("200..300");
            descriptor.FailingStep!.Text.Should().Be("task \"C\" received the payload of peer \"EP\" intact");
            descriptor.Build.Should().Be(BuildConfiguration.Current);
            descriptor.EventsPath.Should().Be(Path.Combine(planted.ResultsFolder, "freeze-e2e", "events.jsonl"));
        }
    }

    [Fact]
    public async Task Freeze_writes_a_flat_pinned_scenario_that_fails_the_same_way_every_time()
    {
        var descriptor = ReplayDescriptorJson.Read(planted.FullCombinationDescriptor);

        var frozen = await FreezeInvocation.RunAsync(planted.SuiteRoot, planted.FullCombinationDescriptor, "--out", _out.Path, "--verify", "3");

        frozen.ExitCode.Should().Be(0, frozen.Stdout + frozen.Stderr);
        frozen.Stdout.Should().Contain("verify: 3/3 runs reproduced").And.Contain("matched the descriptor in 3/3 (no drift)");
        var file = Directory.GetFiles(_out.Path, "*.feature", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        file.Should().Be(Path.Combine(_out.Path, "io", $"the-payload-arrives-intact-whatever-the-peer-does__gen-1__sched-fifo.feature"));
        var text = await File.ReadAllTextAsync(file);
        var fuzzed = descriptor.FuzzedValues.Single().Value;
        text.Should().Contain($"# test id:    {descriptor.TestId}")
            .And.Contain("@frozen @io\nFeature: Freeze fixture (frozen)")
            .And.Contain($"@replay-of:{descriptor.TestId} @decisions:{descriptor.DecisionHash}")
            .And.Contain("    Given the chaos seeds are gen 1 and sched \"fifo\"\n"
                + $"    And an evil peer \"EP\" serving {fuzzed} bytes\n"
                + "    And evil peer \"EP\" slices output into 16-byte chunks\n"
                + "    And evil peer \"EP\" closes after 100 bytes\n"
                + "    And evil peer \"EP\" delays 1 ms between chunks\n"
                + "    When task \"C\" downloads from peer \"EP\"\n")
            .And.NotContain("chaos-max").And.NotContain("any of:").And.NotContain("200..300");
    }

    [Fact]
    public async Task Freezing_one_descriptor_twice_gives_the_same_bytes_in_process_and_as_a_real_process()
    {
        var second = Path.Combine(_out.Path, "second");
        var inProcess = await FreezeInvocation.RunAsync(planted.SuiteRoot, planted.FullCombinationDescriptor, "--out", _out.Path);
        var again = await FreezeInvocation.RunAsync(planted.SuiteRoot, planted.FullCombinationDescriptor, "--out", _out.Path);
        var process = await RunFreezeProcessAsync(planted.SuiteRoot, planted.FullCombinationDescriptor, "--out", second);

        inProcess.ExitCode.Should().Be(0, inProcess.Stderr);
        again.Should().Be(inProcess with { Stdout = inProcess.Stdout.Replace("frozen: ", "unchanged: ") });
        process.ExitCode.Should().Be(0, process.Stderr);
        var first = Directory.GetFiles(_out.Path, "*.feature", SearchOption.AllDirectories)
            .Single(f => !f.StartsWith(second, StringComparison.Ordinal));
        var fromProcess = Directory.GetFiles(second, "*.feature", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        (await File.ReadAllBytesAsync(fromProcess)).Should().Equal(await File.ReadAllBytesAsync(first));
    }

    [Fact]
    public async Task Shrink_reduces_the_block_to_the_fault_that_matters()
    {
        var shrunk = await FreezeInvocation.RunAsync(planted.SuiteRoot, planted.FullCombinationDescriptor, "--out", _out.Path, "--shrink");

        shrunk.ExitCode.Should().Be(0, shrunk.Stdout + shrunk.Stderr);
        shrunk.Stdout.Should().MatchRegex(@"shrunk 3 -> 1 mutation steps in \d+ runs");
        var text = await File.ReadAllTextAsync(Directory.GetFiles(_out.Path, "*.feature", SearchOption.AllDirectories).Single());
        text.Should().Contain("evil peer \"EP\" closes after 100 bytes").And.Contain("# shrunk:     3 -> 1 mutation steps")
            .And.NotContain("slices output").And.NotContain("delays 1 ms");
    }

    [Fact]
    public async Task An_existing_frozen_feature_with_other_content_is_replaced_only_with_force()
    {
        await FreezeInvocation.RunAsync(planted.SuiteRoot, planted.FullCombinationDescriptor, "--out", _out.Path);
        var file = Directory.GetFiles(_out.Path, "*.feature", SearchOption.AllDirectories).Single();
        await File.WriteAllTextAsync(file, "# edited by hand\n");

        var refused = await FreezeInvocation.RunAsync(planted.SuiteRoot, planted.FullCombinationDescriptor, "--out", _out.Path);
        var forced = await FreezeInvocation.RunAsync(planted.SuiteRoot, planted.FullCombinationDescriptor, "--out", _out.Path, "--force");

        refused.ExitCode.Should().Be(2);
        refused.Stderr.TrimEnd().Should().Contain("--force").And.NotContain("\n");
        forced.ExitCode.Should().Be(0, forced.Stderr);
        (await File.ReadAllTextAsync(file)).Should().StartWith("# Frozen by tools/freeze");
        Directory.GetFiles(_out.Path, "*", SearchOption.AllDirectories).Should().ContainSingle("no temp file is left behind");
    }

    [Fact]
    public async Task A_replay_whose_decisions_differ_from_its_tag_records_replay_drift()
    {
        await FreezeInvocation.RunAsync(planted.SuiteRoot, planted.FullCombinationDescriptor, "--out", _out.Path);
        var file = Directory.GetFiles(_out.Path, "*.feature", SearchOption.AllDirectories).Single();
        var descriptor = ReplayDescriptorJson.Read(planted.FullCombinationDescriptor);
        var wrong = new string('0', 64);
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("@decisions:" + descriptor.DecisionHash, "@decisions:" + wrong));

        // The planted suite's root, for its reqnroll.json (bindingAssemblies); the frozen file lies outside it.
        var suite = FeatureSuite.Load(planted.SuiteRoot, [file], ExpansionOptions.Default);
        await using var run = await SuiteRun.StartAsync(new SuiteRunOptions(typeof(FreezeEndToEndTests).Assembly, suite));
        var result = await run.RunAsync(suite.TestCases.Single());

        result.Message.Should().Contain($"Replay drift: decision log hash {descriptor.DecisionHash} differs from the frozen failure's {wrong}");
        var events = Path.Combine(planted.ResultsFolder, "freeze-e2e", "events.jsonl");
        var drift = $"\"event\":\"replay_drift\",\"expected\":\"{wrong}\"";
        var logged = "";
        await Eventually.UntilAsync(async _ => (logged = await ReadSharedAsync(events)).Contains(drift), LogLands, TimeProvider.System, CancellationToken.None);
        logged.Should().Contain(drift);
    }

    public void Dispose() => _out.Dispose();

    /// <summary>The run's event log is written in the background, in batches: a line lands within 200 ms of its event.</summary>
    private static readonly TimeSpan LogLands = TimeSpan.FromSeconds(10);

    // The run's event log stays open for appending until the process exits.
    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return await new StreamReader(stream).ReadToEndAsync();
    }

    private static async Task<FreezeInvocation> RunFreezeProcessAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "freeze.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new FreezeInvocation(process.ExitCode, await stdout, await stderr);
    }
}
