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
public sealed class LeakChecker
{
    /// <summary>How long closed sockets get to disappear from /proc (a close racing the check is not a leak).</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, byte> _ports = new();
    private readonly long _unobservedBaseline = UnobservedTaskExceptions.Baseline();

    /// <summary>Sockets open before the scenario began cannot be its leaks.</summary>
    private readonly IReadOnlySet<long> _socketsBefore;

    public LeakChecker(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _socketsBefore = ProcSockets.Available ? SocketCensus.Before() : new HashSet<long>();
    }

    /// <summary>Null on Linux; otherwise why the socket part cannot run, for a skip with a reason.</summary>
    public static string? UnavailableReason => ProcSockets.Available ? null : ProcSockets.Unavailable;

    public void TrackPort(int port)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        _ports.TryAdd(port, 0);
    }

    public IReadOnlyCollection<int> TrackedPorts => _ports.Keys.Order().ToArray();

    /// <summary>Sockets seen connected to a tracked port before the peers stopped (inode -> descriptor); null until noted.</summary>
    private Dictionary<long, (int Fd, TcpSocketEntry Seen)>? _suspects;

    /// <summary>
    /// Call once the scenario's tasks are done and before its peers stop: lists every socket opened since the scenario
    /// began that is connected to a tracked port. Only these can leak now (the tasks are over), so the check after the
    /// peers stop looks at them alone, by descriptor, instead of listing the process's sockets again on every poll.
    /// It also keeps the check attributing a socket that stopping a peer resets (say it still sat in the listen
    /// backlog): such a socket forgets its peer while its descriptor stays open.
    /// </summary>
    public void NoteSuspects()
    {
        if (!ProcSockets.Available) return;
        var newer = NewerSockets();
        _suspects = TrackedOpenSockets(newer).ToDictionary(s => s.Inode, s => (newer[s.Inode], s));
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

    /// <summary>
    /// The scenario's sockets still open: its suspects, when noted, each as it is now (a reset one, which no longer names
    /// its peer, as it was seen); otherwise every socket opened since the scenario began and connected to a tracked port.
    /// </summary>
    private TcpSocketEntry[] OpenNewerSockets()
    {
        if (_suspects is null) return TrackedOpenSockets(NewerSockets());
        if (_suspects.Count == 0) return [];
        var open = _suspects.Where(s => ProcSockets.StillOpen(s.Value.Fd, s.Key)).ToDictionary(s => s.Key, s => s.Value.Fd);
        var ports = _ports.Keys.ToHashSet();
        return [.. ProcSockets.Describe(open).Select(now => ports.Contains(now.LocalPort) || ports.Contains(now.RemotePort)
            ? now
            : ResetSince(_suspects[now.Inode].Seen))];
    }

    private static TcpSocketEntry ResetSince(TcpSocketEntry seen) => seen with { State = "reset since (was " + seen.State + ")" };

    /// <summary>Sockets opened since the scenario began (inode -> descriptor): only they can be its leaks.</summary>
    private Dictionary<long, int> NewerSockets()
    {
        var sockets = SocketCensus.Take();
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
