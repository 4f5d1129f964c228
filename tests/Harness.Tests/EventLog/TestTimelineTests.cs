using System.Diagnostics;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Scheduling;
using ChaosFeatures.Harness.Seeds;

namespace ChaosFeatures.Harness.Tests.EventLog;

public sealed class TestTimelineTests
{
    private static readonly CaseSeeds Seeds = ChaosSeeds.Default.For("features/io/a.feature:3");

    [Fact]
    public void Starts_with_the_seeds()
    {
        var first = new TestTimeline(Seeds).Recent().Single();
        first.Event.Describe().Should().Be(
            $"harness seeds gen=1 sched=fifo payload_seed={Seeds.PayloadSeed} sched_seed={Seeds.SchedulerSeed} toxic_seed={Seeds.ToxicSeed}");
    }

    [Fact]
    public void Renders_peer_events_readably_with_their_own_clock()
    {
        var timeline = new TestTimeline(Seeds);
        timeline.Emit(new PeerEvent(Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10, "EP", "write", 1, [new("bytes", 33L)]));
        var line = timeline.Render().Split('\n').Single(l => l.Contains("EP write"));
        line.Should().MatchRegex(@"^  \+1\d\d\.\dms EP write conn=1 bytes=33$");
    }

    [Fact]
    public void Keeps_and_renders_a_bounded_tail()
    {
        var timeline = new TestTimeline(Seeds, capacity: 5);
        for (var i = 0; i < 20; i++) timeline.Record(ChaosEvent.Of("client", "C", "tick", ("i", i)));
        timeline.Recent().Should().HaveCount(5);
        var text = timeline.Render(maxLines: 3);
        text.Should().Contain("... 18 earlier events omitted").And.Contain("C tick i=19").And.NotContain("i=16");
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(5);
    }

    [Fact]
    public void Decision_hash_covers_decisions_only()
    {
        TestTimeline Run(string choice, bool noise)
        {
            var t = new TestTimeline(Seeds);
            if (noise) t.Record(ChaosEvent.Of("client", "C", "reads", ("bytes", 5)));
            t.RecordChoice("fuzz@12", choice);
            t.RecordPick(new SchedulerDecision(1, "C", 2, 1));
            t.RecordPick(new SchedulerDecision(2, "C", 1, 0)); // not a choice
            t.Emit(new PeerEvent(Stopwatch.GetTimestamp(), "EP", "toxic", 0, [new("latency_ms", 12L)]));
            return t;
        }
        var hash = Run("3", noise: false).DecisionHash();
        hash.Should().MatchRegex("^[0-9a-f]{64}$");
        Run("3", noise: true).DecisionHash().Should().Be(hash);
        Run("4", noise: false).DecisionHash().Should().NotBe(hash);
        Run("3", noise: false).Recent().Select(e => e.Event.Kind).Should().Equal("seeds", "choice", "sched", "toxic");
    }
}
