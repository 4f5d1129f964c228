using System.Diagnostics;
using System.Text.Json;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Harness.Tests.EventLog;

public sealed class ChaosEventLogTests
{

    [Fact]
    public void Results_location_defaults_to_chaos_results_under_the_root_with_a_timestamped_run_id()
    {
        var location = ChaosResultsLocation.Resolve(null, null, "/tmp/root");
        location.RunDirectory.Should().StartWith("/tmp/root/chaos-results/");
        location.RunId.Should().MatchRegex(@"^\d{8}-\d{6}-\d+$");
        location.EventsPath.Should().EndWith("/events.jsonl");
    }

    [Fact]
    public async Task Timelines_in_parallel_write_one_valid_json_object_per_line_seeds_first()
    {
        using var temp = new TempFolder();
        var location = ChaosResultsLocation.Resolve(temp.Path, "run-1");
        location.EventsPath.Should().Be(Path.Combine(temp.Path, "run-1", "events.jsonl"));

        using (var log = new ChaosEventLog(location))
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            {
                var timeline = new TestTimeline(ChaosSeeds.Default.For($"case-{i}"), log);
                for (var n = 0; n < 25; n++) timeline.Record(ChaosEvent.Of("client", "C", "reads", ("bytes", n), ("note", "quote\" and \\")));
                timeline.Emit(new PeerEvent(Stopwatch.GetTimestamp(), "EP", "write", 1, [new("bytes", 33L)]));
            })));
        }

        var lines = File.ReadAllLines(location.EventsPath);
        lines.Should().HaveCount(4 * 27);
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        foreach (var group in events.GroupBy(e => e.GetProperty("test").GetString()))
        {
            var first = group.First();
            first.GetProperty("event").GetString().Should().Be("seeds");
            first.GetProperty("gen").GetUInt64().Should().Be(1);
            first.GetProperty("sched").GetString().Should().Be("fifo");
            group.Select(e => e.GetProperty("t").GetDouble()).Should().OnlyContain(t => t >= 0 && t < 60_000);
            group.Last().GetProperty("actor").GetString().Should().Be("EP");
            group.Last().GetProperty("bytes").GetInt64().Should().Be(33);
        }
        lines.First(l => l.Contains("\"reads\"")).Should().MatchRegex("""^\{"t":[0-9.]+,"test":"case-\d","kind":"client","actor":"C","event":"reads","bytes":\d+,"note":"quote\\" and \\\\"\}$""");
    }

    [Fact]
    public void Bad_run_id_is_one_line_naming_the_variable()
    {
        FluentActions.Invoking(() => ChaosResultsLocation.Resolve(null, "a/b")).Should().Throw<ChaosConfigurationException>()
            .WithMessage("CHAOS_RUN_ID='a/b' is invalid; accepted: *");
    }
}
