using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.Harness.Leaks;

/// <summary>
/// The serial variant: counts every socket this process holds (/proc/self/fd) against a baseline.
/// Only meaningful when nothing else in the process opens sockets meanwhile (no parallel scenarios).
/// </summary>
public sealed class ProcessSocketBaseline
{
    private ProcessSocketBaseline(int count) => Count = count;

    public int Count { get; }

    /// <summary>Null when the platform cannot count (see <see cref="LeakChecker.UnavailableReason"/>).</summary>
    public static ProcessSocketBaseline? Capture() =>
        ProcSockets.Available ? new ProcessSocketBaseline(ProcSockets.OwnSocketInodes().Count) : null;

    /// <summary>Polls until the count is back at the baseline or the grace runs out (on <paramref name="time"/>, default the system's).</summary>
    public async Task<LeakCheckResult> CheckAsync(TimeSpan? grace = null, TimeProvider? time = null)
    {
        int now = 0;
        bool back = await Eventually.UntilAsync(() => (now = ProcSockets.OwnSocketInodes().Count) <= Count,
            grace ?? LeakChecker.DefaultGrace, time ?? TimeProvider.System, CancellationToken.None,
            pollEvery: TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
        return back ? new LeakCheckResult([], null)
            : new LeakCheckResult([$"process holds {now} sockets, {now - Count} more than the baseline of {Count}"], null);
    }
}
