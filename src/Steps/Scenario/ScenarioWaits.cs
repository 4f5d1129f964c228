using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Harness.Peers;
using ChaosFeatures.Harness.Tasks;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.Steps.Scenario;

/// <summary>
/// What Then steps wait for before they judge: a task's queue drained, its last transfer of a kind, a peer
/// whose stats have caught up. Every wait is bounded (the tasks' budgets, or <see cref="PeerSettleBound"/>)
/// and observes the watchdog's token.
/// </summary>
internal sealed class ScenarioWaits(ChaosScenario chaos)
{
    public static readonly TimeSpan PeerSettleBound = TimeSpan.FromSeconds(5);

    public async Task<ChaosTask> IdleAsync(string task)
    {
        await chaos.Tasks.WaitIdleAsync([task], chaos.Cancellation);
        return chaos.Tasks.Started(task);
    }

    /// <summary>The task's last transfer of the kind asked (download: downloads and HTTP requests; null = any), after waiting for it.</summary>
    public async Task<TransferRecord> LastAsync(string task, bool? download)
    {
        var chaosTask = await IdleAsync(task);
        var kind = download switch { true => "download", false => "upload", null => "transfer" };
        return chaosTask.Transfers.LastOrDefault(t => download switch { true => t.IsDownload, false => t.IsUpload, null => true })
            ?? throw new ChaosAssertionException($"task {task} has no {kind} (its actions: {chaosTask.History}; it is {chaosTask.Describe(chaos.Tasks.Scheduler)})");
    }

    /// <summary>The task's HTTP requests in the order they were recorded, after waiting for them; none is an error naming what it did.</summary>
    public async Task<IReadOnlyList<TransferRecord>> RequestsAsync(string task)
    {
        var chaosTask = await IdleAsync(task);
        var requests = chaosTask.Transfers.Where(t => t.IsRequest).ToArray();
        return requests.Length > 0
            ? requests
            : throw new ChaosAssertionException($"task {task} sent no HTTP request (its actions: {chaosTask.History})");
    }

    /// <summary>
    /// The peer's stats once they say what is <paramref name="expected"/> and its connections have run their scripts, or
    /// after a bound. Polled, because a forked peer's stats arrive as events a little after the fact; a never-reading
    /// peer holds its connections until stopped, so for it only <paramref name="expected"/> counts; so does a count that
    /// is final once reached (<paramref name="connectionsMayStayOpen"/>: requests or handshakes on keep-alive connections,
    /// which the scenario's HTTP clients hold until it ends).
    /// </summary>
    public async Task<PeerStats> SettledAsync(string peer, Func<PeerStats, bool> expected, bool connectionsMayStayOpen = false)
    {
        var running = await chaos.Peers.GetAsync(peer, chaos.Cancellation);
        // Only a real server keeps no counters.
        var stats = running.Stats
            ?? throw new InvalidOperationException($"{((RealServerSpec)running.Spec).Described}: it keeps no counts; assert on what the task received");
        bool finished() => running.Spec is EvilPeerSpec { NeverReads: true } || connectionsMayStayOpen || stats.ConnectionsFinished >= stats.ConnectionsAccepted;
        // Not settled within the bound: the caller's assertion then reports what the stats say.
        await Eventually.UntilAsync(() => expected(stats) && finished(), PeerSettleBound, chaos.Time, chaos.Cancellation);
        return stats;
    }
}
