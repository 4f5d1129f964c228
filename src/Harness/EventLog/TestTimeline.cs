using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.Harness.Scheduling;
using ChaosFeatures.Harness.Seeds;

namespace ChaosFeatures.Harness.EventLog;

/// <summary>
/// One test case's events: written to the run log (when given), the last <c>capacity</c> kept in
/// memory for the failure message, and decisions folded into a SHA-256 so a replay can tell when
/// it drifted. Thread-safe; one per test case, many in parallel. Starts with a <c>seeds</c> event.
/// </summary>
public sealed class TestTimeline : IChaosEventSink, IPeerEventSink
{
    private readonly ChaosEventLog? _log;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly Queue<TimelineEntry> _recent;
    private readonly int _capacity;
    private readonly IncrementalHash _decisions = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly object _gate = new();
    private long _omitted;

    public TestTimeline(CaseSeeds seeds, ChaosEventLog? log = null, int capacity = 200)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Seeds = seeds;
        _log = log;
        _capacity = capacity;
        _recent = new Queue<TimelineEntry>(capacity);
        RecordDecision(ChaosEvent.Of(ChaosEventKinds.Seeds, "harness", ChaosEventNames.Seeds,
            ("gen", seeds.Run.GenSeed), ("sched", seeds.Run.Scheduler.ToString()),
            ("payload_seed", seeds.PayloadSeed), ("sched_seed", seeds.SchedulerSeed), ("toxic_seed", seeds.ToxicSeed)));
    }

    public CaseSeeds Seeds { get; }
    public string TestId => Seeds.TestCaseId;

    /// <summary>Milliseconds since this test started, from a Stopwatch timestamp (also a forked peer's: same clock on Linux).</summary>
    public double ElapsedMs(long stopwatchTimestamp) => (stopwatchTimestamp - _start) * 1000.0 / Stopwatch.Frequency;

    public void Record(ChaosEvent chaosEvent) => Append(chaosEvent, Stopwatch.GetTimestamp(), decision: false);

    public void RecordDecision(ChaosEvent chaosEvent) => Append(chaosEvent, Stopwatch.GetTimestamp(), decision: true);

    /// <summary>A fuzzed value or mutation choice resolved by the runner.</summary>
    public void RecordChoice(string what, string value) => RecordDecision(ChaosEvent.Of(ChaosEventKinds.Choice, "runner", what, ("value", value)));

    /// <summary>Peer events keep their own timestamp; <c>toxic</c> events are toxic draws, hence decisions.</summary>
    public void Emit(PeerEvent peerEvent)
    {
        var fields = new List<KeyValuePair<string, object?>>(peerEvent.Fields.Count + 1);
        if (peerEvent.ConnectionId != 0) fields.Add(new("conn", peerEvent.ConnectionId));
        fields.AddRange(peerEvent.Fields);
        var isToxic = peerEvent.Name == PeerEventNames.Toxic;
        Append(new ChaosEvent(isToxic ? ChaosEventKinds.Toxic : ChaosEventKinds.Peer, peerEvent.Actor, peerEvent.Name, fields), peerEvent.Timestamp, isToxic);
    }

    /// <summary>Scheduler picks among several ready continuations are decisions; a lone candidate is not a choice.</summary>
    public void RecordPick(SchedulerDecision pick)
    {
        if (pick.Ready < 2) return;
        RecordDecision(ChaosEvent.Of(ChaosEventKinds.Sched, "sched", ChaosEventNames.Pick, ("step", pick.Step), ("task", pick.Task), ("ready", pick.Ready), ("index", pick.Index)));
    }

    /// <summary>Hex SHA-256 over the decisions so far (excluding their times).</summary>
    public string DecisionHash()
    {
        lock (_gate) return Convert.ToHexStringLower(_decisions.GetCurrentHash());
    }

    public IReadOnlyList<TimelineEntry> Recent()
    {
        lock (_gate) return _recent.ToArray();
    }

    /// <summary>The readable timeline for a failure message: at most the last <paramref name="maxLines"/> events.</summary>
    public string Render(int maxLines = 200)
    {
        lock (_gate)
        {
            var shown = _recent.Skip(Math.Max(0, _recent.Count - maxLines)).ToArray();
            var hidden = _omitted + _recent.Count - shown.Length;
            var text = new StringBuilder($"timeline of {TestId} ({Seeds.Run.GenSeed}/{Seeds.Run.Scheduler}):\n");
            if (hidden > 0) text.Append("  ... ").Append(hidden).Append(" earlier events omitted\n");
            foreach (var entry in shown) text.Append("  ").Append(entry).Append('\n');
            return text.ToString();
        }
    }

    private void Append(ChaosEvent chaosEvent, long timestamp, bool decision)
    {
        var entry = new TimelineEntry(ElapsedMs(timestamp), chaosEvent);
        lock (_gate)
        {
            if (_recent.Count == _capacity) { _recent.Dequeue(); _omitted++; }
            _recent.Enqueue(entry);
            if (decision) _decisions.AppendData(Encoding.UTF8.GetBytes(chaosEvent.Kind + "|" + chaosEvent.Describe() + "\n"));
        }
        _log?.Write(TestId, entry.ElapsedMs, chaosEvent);
    }
}
