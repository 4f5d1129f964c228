using System.Text.Json.Nodes;
using ChaosFeatures.Merge.Tests.Support;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Merge.Tests.Cli;

/// <summary>A job cut by its budget (no messages: reports are written whole or not at all) never makes a green night.</summary>
public sealed class IncompleteJobTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task A_job_without_messages_is_a_problem_and_the_merge_exits_1()
    {
        JobFolderWriter.Manifest(_temp.Combine("a"), "1/1", exitCode: 124);

        var run = await MergeInvocation.RunAsync(_temp.Path, _temp.Combine("a"), "--out", _temp.Combine("out"));

        run.ExitCode.Should().Be(1, run.Error);
        var summary = JsonNode.Parse(File.ReadAllText(_temp.Combine("out", "summary.json")))!;
        summary["problems"]!.AsArray().Select(p => (string)p!).Should().Contain(p => p.StartsWith("job gen1-fifo-s1of1 wrote no Cucumber messages (exit code 124"))
            .And.Contain("no case ran in any job");
        JsonNode.Parse(File.ReadLines(_temp.Combine("out", "cucumber-messages.ndjson")).Last())!["testRunFinished"]!["success"]!.GetValue<bool>().Should().BeFalse();
        Directory.GetFiles(_temp.Combine("out"), ".*").Should().BeEmpty("nothing staged is left behind");
    }

    public void Dispose() => _temp.Dispose();
}
