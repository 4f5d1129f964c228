using System.Collections.Concurrent;
using ChaosFeatures.Harness.Scheduling;

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

    private readonly ConcurrentDictionary<int, byte> _ports = new();
    private readonly long _unobservedBaseline = UnobservedTaskExceptions.Baseline();

    /// <summary>Sockets open before the scenario began cannot be its leaks: when no newer one is open, the check ends without reading the TCP tables.</summary>
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
    /// backlog) it drops out of /proc/net/tcp while its descriptor stays open, and only this note
    /// lets the check still see it.
    /// </summary>
    public void NoteSuspects()
    {
        if (!ProcSockets.Available) return;
        var suspects = new Dictionary<long, TcpSocketEntry>();
        for (var read = 0; read < ConfirmingReads; read++) // two reads: one may skip an entry, see below
            foreach (var socket in TrackedOpenSockets(NewerSocketInodes()))
                suspects[socket.Inode] = socket;
        _suspects = suspects;
    }

    /// <summary>Runs every check; call after the peers are disposed. The scheduler part is skipped when none is given.</summary>
    public async Task<LeakCheckResult> CheckAsync(ScenarioScheduler? scheduler, TimeSpan? grace = null)
    {
        var leaks = new List<string>();
        if (scheduler is not null) leaks.AddRange(scheduler.FindOrphans());
        // Sockets before the unobserved-exception check: its forced GC would finalize, and so close,
        // an undisposed socket nobody references any more, hiding the leak.
        var sockets = ProcSockets.Available ? await LeakedSocketsAsync(grace ?? DefaultGrace) : [];
        leaks.AddRange(UnobservedTaskExceptions.SinceBaseline(_unobservedBaseline));
        leaks.AddRange(sockets);
        return new LeakCheckResult(leaks, ProcSockets.Available ? null : ProcSockets.Unavailable);
    }

    private async Task<IReadOnlyList<string>> LeakedSocketsAsync(TimeSpan grace)
    {
        var deadline = DateTime.UtcNow + grace;
        var cleanReads = 0;
        while (true)
        {
            var newer = NewerSocketInodes();
            if (newer.Count == 0) return [];
            var visible = TrackedOpenSockets(newer);
            var reset = _suspects.Values.Where(s => newer.Contains(s.Inode) && visible.All(v => v.Inode != s.Inode))
                .Select(s => s with { State = "reset since (was " + s.State + ")" });
            var open = visible.Concat(reset).ToArray();
            // /proc/net/tcp is not read atomically: while other tests open and close sockets a read can
            // skip a stable entry, so "nothing open" must be seen twice in a row before it counts.
            if (open.Length == 0)
            {
                if (++cleanReads == ConfirmingReads) return [];
                await Task.Delay(ConfirmationPause).ConfigureAwait(false);
                continue;
            }
            cleanReads = 0;
            if (DateTime.UtcNow >= deadline)
                return open.Select(s => $"leaked {s} (tracked ports {string.Join(", ", TrackedPorts)})").ToArray();
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private HashSet<long> NewerSocketInodes()
    {
        var newer = ProcSockets.OwnSocketInodes();
        newer.ExceptWith(_socketsBefore);
        return newer;
    }

    private TcpSocketEntry[] TrackedOpenSockets(HashSet<long> inodes)
    {
        if (inodes.Count == 0) return [];
        var ports = _ports.Keys.ToHashSet();
        return [.. ProcSockets.OwnTcpSockets(inodes).Where(s => ports.Contains(s.LocalPort) || ports.Contains(s.RemotePort))];
    }

    private const int ConfirmingReads = 2;

    private static readonly TimeSpan ConfirmationPause = TimeSpan.FromMilliseconds(2);
}
