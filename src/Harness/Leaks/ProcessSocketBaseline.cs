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

    /// <summary>Polls until the count is back at the baseline or the grace runs out.</summary>
    public async Task<LeakCheckResult> CheckAsync(TimeSpan? grace = null)
    {
        var deadline = DateTime.UtcNow + (grace ?? LeakChecker.DefaultGrace);
        while (true)
        {
            var now = ProcSockets.OwnSocketInodes().Count;
            if (now <= Count) return new LeakCheckResult([], null);
            if (DateTime.UtcNow >= deadline)
                return new LeakCheckResult([$"process holds {now} sockets, {now - Count} more than the baseline of {Count}"], null);
            await Task.Delay(50).ConfigureAwait(false);
        }
    }
}
