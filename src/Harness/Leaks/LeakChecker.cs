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

    /// <summary>Runs every check; call after the peers are disposed. The scheduler part is skipped when none is given.</summary>
    public async Task<LeakCheckResult> CheckAsync(ScenarioScheduler? scheduler, TimeSpan? grace = null)
    {
        var leaks = new List<string>();
        if (scheduler is not null) leaks.AddRange(scheduler.FindOrphans());
        leaks.AddRange(UnobservedTaskExceptions.SinceBaseline(_unobservedBaseline));
        if (!ProcSockets.Available) return new LeakCheckResult(leaks, ProcSockets.Unavailable);
        leaks.AddRange(await LeakedSocketsAsync(grace ?? DefaultGrace));
        return new LeakCheckResult(leaks, null);
    }

    private async Task<IReadOnlyList<string>> LeakedSocketsAsync(TimeSpan grace)
    {
        var deadline = DateTime.UtcNow + grace;
        while (true)
        {
            var ports = _ports.Keys.ToHashSet();
            var newer = ProcSockets.OwnSocketInodes();
            newer.ExceptWith(_socketsBefore);
            if (newer.Count == 0) return [];
            var open = ProcSockets.OwnTcpSockets(newer).Where(s => ports.Contains(s.LocalPort) || ports.Contains(s.RemotePort)).ToArray();
            if (open.Length == 0) return [];
            if (DateTime.UtcNow >= deadline)
                return open.Select(s => $"leaked {s} (tracked ports {string.Join(", ", ports.Order())})").ToArray();
            await Task.Delay(50).ConfigureAwait(false);
        }
    }
}
