namespace ChaosFeatures.Harness.EventLog;

/// <summary>
/// The families of <see cref="ChaosEvent.Kind"/>, the <c>kind</c> of every event-log line, for the emitters and for whoever
/// reads them back. Decision hashes and committed event logs hold these: never change one.
/// </summary>
public static class ChaosEventKinds
{
    /// <summary>The case's seeds, its first event.</summary>
    public const string Seeds = "seeds";

    /// <summary>A peer's, proxy's, evil client's or server under test's own event (named by <see cref="EvilPeer.Events.PeerEventNames"/> or <see cref="ChaosEventNames"/>).</summary>
    public const string Peer = "peer";

    /// <summary>A toxic's draw, a decision.</summary>
    public const string Toxic = "toxic";

    /// <summary>What a task did: its client's transfers, calls, sleeps, proxy actions.</summary>
    public const string Client = "client";

    /// <summary>A faulty stream's injected fault.</summary>
    public const string Fault = "fault";

    /// <summary>The scheduler's pick among ready continuations, a decision.</summary>
    public const string Sched = "sched";

    /// <summary>A fuzzed value or mutation the runner chose, a decision.</summary>
    public const string Choice = "choice";

    public const string Invariant = "invariant";
    public const string Replay = "replay";

    /// <summary>A user's binding's own event (<c>ChaosContext.Record</c>).</summary>
    public const string User = "user";
}
