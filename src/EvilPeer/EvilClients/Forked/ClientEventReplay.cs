using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.EvilClients.Forked;

/// <summary>
/// Rebuilds a forked evil client's counters, connection results and report from its event
/// stream, so the parent sees what it would see of an in-process client.
/// </summary>
internal sealed class ClientEventReplay(string name, string mode)
{
    private readonly List<ConnectionResult> _results = [];
    private readonly TaskCompletionSource<EvilClientReport> _report = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _errors;

    public EvilClientStats Stats { get; } = new();

    public Task<EvilClientReport> Report => _report.Task;

    public void Apply(PeerEvent e)
    {
        switch (e.Name)
        {
            case PeerEventNames.Attempt: Stats.OnAttempt(); break;
            case PeerEventNames.Connect: Stats.OnConnected(); break;
            case PeerEventNames.Write: Stats.OnSent(Long(e, "bytes")); break;
            case PeerEventNames.Read: Stats.OnReceived(Long(e, "bytes")); break;
            case PeerEventNames.Error: Interlocked.Increment(ref _errors); break;
            case PeerEventNames.Close when ClientEvents.ParseEnd(Field(e, "end") as string) is { } end:
                Stats.OnEnd(end);
                var head = Field(e, "reply_head") is string b64 ? Convert.FromBase64String(b64) : [];
                var lifetime = TimeSpan.FromMilliseconds(Field(e, "lifetime_ms") switch { double d => d, long l => l, _ => 0 });
                lock (_results)
                    if (_results.Count < ClientRun.MaxKeptResults)
                        _results.Add(new ConnectionResult(e.ConnectionId, end, Long(e, "sent"), Long(e, "received"), lifetime, head));
                break;
            case PeerEventNames.Finished:
                Complete(TimeSpan.FromMilliseconds(Field(e, "elapsed_ms") switch { double d => d, long l => l, _ => 0 }),
                    Field(e, "deadline_reached") is true, Field(e, "stopped") is true);
                break;
        }
    }

    /// <summary>The child's events ended without a "finished" (it was killed): report what arrived, as stopped.</summary>
    public void EventsEnded(TimeSpan elapsed) => Complete(elapsed, deadlineReached: false, stopped: true);

    private void Complete(TimeSpan elapsed, bool deadlineReached, bool stopped)
    {
        if (_report.Task.IsCompleted) return;
        Stats.OnFinished();
        ConnectionResult[] results;
        lock (_results) results = [.. _results.OrderBy(r => r.Id)];
        _report.TrySetResult(new EvilClientReport(name, mode, elapsed, deadlineReached, stopped, Interlocked.Read(ref _errors), results, Stats));
    }

    private static long Long(PeerEvent e, string key) => Field(e, key) is long n ? n : 0;

    private static object? Field(PeerEvent e, string key)
    {
        foreach (var (k, v) in e.Fields) if (k == key) return v;
        return null;
    }
}
