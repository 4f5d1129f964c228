using System.Collections.Concurrent;
using ChaosFeatures.Harness.Scheduling;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.Harness.Leaks;

/// <summary>
/// The end-of-scenario check: no orphan tasks, no unobserved task exceptions, no leaked sockets.
/// Scenarios run in parallel in one process, so sockets are attributed by port: steps register the
/// scenario's peer/proxy listen ports with <see cref="TrackPort"/>, and any socket of this process
/// whose local or remote port is one of them, still open after a grace once the peers are disposed,
/// is a leak. Create one when the scenario starts (it takes the unobserved-exception baseline then).
/// </summary>
public sealed class LeakChecker(TimeProvider? time = null)
{
    /// <summary>How long closed sockets get to disappear from /proc (a close racing the check is not a leak).</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<int, byte> _ports = new();
    private readonly long _unobservedBaseline = UnobservedTaskExceptions.Baseline();

    /// <summary>Sockets open before the scenario began cannot be its leaks.</summary>
    private readonly HashSet<long> _socketsBefore = ProcSockets.Available ? ProcSockets.OwnSocketInodes() : [];

    /// <summary>Null on Linux; otherwise why the socket part cannot run, for a skip with a reason.</summary>
    public static string? UnavailableReason => ProcSockets.Available ? null : ProcSockets.Unavailable;

    public void TrackPort(int port)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        _ports.TryAdd(port, 0);
    }

    public IReadOnlyCollection<int> TrackedPorts => _ports.Keys.Order().ToArray();

    /// <summary>Sockets seen connected to a tracked port before the peers stopped, by inode.</summary>
    private Dictionary<long, TcpSocketEntry> _suspects = [];

    /// <summary>
    /// Call once the scenario's tasks are done and before its peers stop. A socket still connected to a
    /// tracked port now is a suspect: if stopping a peer resets it (say it still sat in the listen
    /// backlog) it forgets its peer while its descriptor stays open, and only this note lets the
    /// check still attribute it to the scenario.
    /// </summary>
    public void NoteSuspects()
    {
        if (!ProcSockets.Available) return;
        _suspects = TrackedOpenSockets(NewerSockets()).ToDictionary(s => s.Inode);
    }

    /// <summary>
    /// Runs every check; call after the peers are disposed. The scheduler part is skipped when none is given. With
    /// <paramref name="collectGarbage"/> the unobserved-exception part forces a full collection first (milliseconds:
    /// for a case that already failed); without, it reports only what already surfaced, and the run's end collects
    /// once for the rest (<see cref="UnobservedTaskExceptions.CollectUnreported"/>).
    /// </summary>
    public async Task<LeakCheckResult> CheckAsync(ScenarioScheduler? scheduler, TimeSpan? grace = null, bool collectGarbage = false)
    {
        var leaks = new List<string>();
        if (scheduler is not null) leaks.AddRange(scheduler.FindOrphans());
        // Sockets before the unobserved-exception check: its forced GC would finalize, and so close,
        // an undisposed socket nobody references any more, hiding the leak.
        var sockets = ProcSockets.Available ? await LeakedSocketsAsync(grace ?? DefaultGrace) : [];
        leaks.AddRange(UnobservedTaskExceptions.SinceBaseline(_unobservedBaseline, collectGarbage));
        leaks.AddRange(sockets);
        return new LeakCheckResult(leaks, ProcSockets.Available ? null : ProcSockets.Unavailable);
    }

    private async Task<IReadOnlyList<string>> LeakedSocketsAsync(TimeSpan grace)
    {
        // Sockets of a peer that was just stopped are usually gone within a millisecond or two: poll
        // fast first, then back off, so a clean scenario pays little and a leak still gets the grace.
        TcpSocketEntry[] open = [];
        bool closed = await Eventually.UntilAsync(() => (open = OpenNewerSockets()).Length == 0, grace, _time,
            CancellationToken.None, pollEvery: TimeSpan.FromMilliseconds(1), backOffTo: TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
        return closed ? [] : open.Select(s => $"leaked {s} (tracked ports {string.Join(", ", TrackedPorts)})").ToArray();
    }

    /// <summary>The scenario's sockets still connected to a tracked port, and its suspects reset since but still open.</summary>
    private TcpSocketEntry[] OpenNewerSockets()
    {
        var newer = NewerSockets();
        if (newer.Count == 0) return [];
        var connected = TrackedOpenSockets(newer);
        var reset = _suspects.Values.Where(s => newer.ContainsKey(s.Inode) && connected.All(c => c.Inode != s.Inode))
            .Select(s => s with { State = "reset since (was " + s.State + ")" });
        return connected.Concat(reset).ToArray();
    }

    /// <summary>Sockets opened since the scenario began (inode -> descriptor): only they can be its leaks.</summary>
    private Dictionary<long, int> NewerSockets()
    {
        var sockets = ProcSockets.OwnSockets();
        foreach (var inode in _socketsBefore) sockets.Remove(inode);
        return sockets;
    }

    private TcpSocketEntry[] TrackedOpenSockets(Dictionary<long, int> sockets)
    {
        if (sockets.Count == 0) return [];
        var ports = _ports.Keys.ToHashSet();
        return [.. ProcSockets.Describe(sockets).Where(s => ports.Contains(s.LocalPort) || ports.Contains(s.RemotePort))];
    }

}
