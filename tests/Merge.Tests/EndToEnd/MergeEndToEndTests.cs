using System.Text.Json.Nodes;
using System.Xml.Linq;
using ChaosFeatures.Merge.Tests.Support;

namespace ChaosFeatures.Merge.Tests.EndToEnd;

/// <summary>The merge of real runs of the shard fixture: three shards against the same suite run whole.</summary>
[Collection(ShardedRunsCollection.Name)]
public sealed class MergeEndToEndTests(ShardedRuns runs)
{
    [Fact]
    public async Task Three_merged_shards_equal_the_unsharded_run_in_counts_and_cases()
    {
        var (whole, sharded) = (await MergeAsync(runs.Out("whole"), runs.Whole), await MergeAsync(runs.Out("sharded"), runs.ShardedParent));

        whole.ExitCode.Should().Be(1, "the planted failure fails the night:\n" + whole.Output + whole.Error);
        sharded.ExitCode.Should().Be(1, sharded.Output + sharded.Error);
        var (w, s) = (Summary(runs.Out("whole")), Summary(runs.Out("sharded")));
        Totals(s).Should().Equal(Totals(w));
        Totals(w).Should().Equal(new object[] { 10, 2 * 10 - 1, 9, 1, 0 }, "10 cases, two iterations each but the failing one stops at its first");
        s["problems"]!.AsArray().Should().BeEmpty();
        var shards = s["shards"]!.AsArray();
        shards.Select(x => (string)x!["shard"]!).Should().Equal("1/3", "2/3", "3/3");
        shards.Sum(x => (int)x!["cases"]!).Should().Be(10);
        shards.Should().OnlyContain(x => (int)x!["cases"]! > 0 && (double)x["wallSeconds"]! > 0);

        CaseIds(runs.Out("sharded")).Should().BeEquivalentTo(CaseIds(runs.Out("whole"))).And.OnlyHaveUniqueItems().And.HaveCount(10);
        JUnitCounts(runs.Out("sharded")).Should().Be(JUnitCounts(runs.Out("whole"))).And.Be(("10", "1", "0"));
        CaseSections(runs.Out("sharded")).Should().Be(10).And.Be(CaseSections(runs.Out("whole")));
        File.ReadAllText(Path.Combine(runs.Out("sharded"), "cucumber-report.html")).Should().Contain("<html").And.Contain("Shard fixture");
    }

    [Fact]
    public async Task The_planted_failure_shows_up_once_in_the_summary_with_its_freeze_command()
    {
        var merge = await MergeAsync(runs.Out("failure"), [.. runs.Shards]);

        var failure = Summary(runs.Out("failure"))["failures"]!.AsArray().Should().ContainSingle().Subject!;
        var descriptor = (string)failure["descriptor"]!;
        ((string)failure["caseId"]!).Should().Be("features/transfer.feature:6:o4", "the case whose fault truncates the payload");
        ((string)failure["freeze"]!).Should().Be($"dotnet run --project tools/freeze -- {descriptor}");
        descriptor.Should().StartWith(Path.Combine(runs.Out("failure"), "descriptors") + Path.DirectorySeparatorChar);
        File.ReadAllText(descriptor).Should().Contain("\"testId\": \"features/transfer.feature:6:o4\"");
        Count(merge.Output, "freeze: dotnet run --project tools/freeze -- ").Should().Be(1);
        Count(File.ReadAllText(Path.Combine(runs.Out("failure"), "replays.txt")), "freeze: ").Should().Be(1);
        File.ReadAllText(Path.Combine(runs.Out("failure"), "chaos-report.html")).Should().Contain("Freeze this case");
    }

    [Fact]
    public async Task The_next_night_trends_over_the_previous_summary()
    {
        await MergeAsync(runs.Out("night-1"), runs.Whole);
        var second = await MergeAsync(runs.Out("night-2"), [runs.ShardedParent, "--previous", Path.Combine(runs.Out("night-1"), "summary.json")]);

        second.Error.Should().BeEmpty();
        var summary = Summary(runs.Out("night-2"));
        summary["nights"]!.AsArray().Should().HaveCount(2);
        var trend = summary["trend"]!.AsArray().ToDictionary(t => (string)t!["scenario"]!);
        trend["features/transfer.feature:6"]!["nights"]!.AsArray().Select(n => (string)n!).Should().Equal("failed", "failed");
        ((bool)trend["features/transfer.feature:6"]!["newlyFailed"]!).Should().BeFalse("it failed the night before too");
        ((double)trend["features/transfer.feature:18"]!["passRate"]!).Should().Be(1);
        File.ReadAllText(Path.Combine(runs.Out("night-2"), "chaos-report.html")).Should().Contain("Trend over the last 2 nights");
    }

    [Fact]
    public async Task A_missing_shard_is_named_and_fails_the_merge()
    {
        var merge = await MergeAsync(runs.Out("partial"), runs.Shards[1], runs.Shards[2]);

        merge.ExitCode.Should().Be(1);
        Summary(runs.Out("partial"))["problems"]!.AsArray().Select(p => (string)p!).Should().Contain("gen 1, fifo: shard 1/3 is missing");
        merge.Output.Should().Contain("problem: gen 1, fifo: shard 1/3 is missing");
    }

    private Task<MergeInvocation.Result> MergeAsync(string output, params string[] jobs) =>
        MergeInvocation.RunAsync(runs.Root, [.. jobs, "--out", output]);

    private static JsonNode Summary(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")))!;

    private static List<object> Totals(JsonNode summary)
    {
        var t = summary["totals"]!;
        return [(int)t["cases"]!, (int)t["iterations"]!, (int)t["passed"]!, (int)t["failed"]!, (int)t["skipped"]!];
    }

    /// <summary>The merged stream's pickle ids without their job prefix: the suite's case ids.</summary>
    private static List<string> CaseIds(string folder) =>
        [.. File.ReadLines(Path.Combine(folder, "cucumber-messages.ndjson")).Select(l => JsonNode.Parse(l)!["pickle"]).OfType<JsonNode>()
            .Select(p => ((string)p["id"]!).Split('/', 2)[1])];

    private static (string, string, string) JUnitCounts(string folder)
    {
        var root = XDocument.Load(Path.Combine(folder, "junit.xml")).Root!;
        return ((string)root.Attribute("tests")!, (string)root.Attribute("failures")!, (string)root.Attribute("skipped")!);
    }

    private static int CaseSections(string folder) => Count(File.ReadAllText(Path.Combine(folder, "chaos-report.html")), "<details class=\"case\"");

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;
}
