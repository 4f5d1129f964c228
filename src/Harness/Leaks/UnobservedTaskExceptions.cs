using System.Collections.Concurrent;

namespace ChaosFeatures.Harness.Leaks;

/// <summary>
/// Counts TaskScheduler.UnobservedTaskException process-wide (subscribed once). The event fires from the
/// finalizer, so a check forces a GC first. Parallel scenarios share the count: a report names the
/// exception so its owner can be told apart.
/// </summary>
public static class UnobservedTaskExceptions
{
    private static readonly ConcurrentQueue<string> Seen = new();
    private static long _count;

    static UnobservedTaskExceptions() => TaskScheduler.UnobservedTaskException += (sender, e) =>
    {
        Interlocked.Increment(ref _count);
        Seen.Enqueue($"{e.Exception.InnerException?.GetType().Name ?? e.Exception.GetType().Name}: {e.Exception.InnerException?.Message ?? e.Exception.Message}");
        while (Seen.Count > 20 && Seen.TryDequeue(out _)) { }
    };

    /// <summary>Subscribes (if not yet) and returns the count so far: take it when a scenario starts.</summary>
    public static long Baseline() => Interlocked.Read(ref _count);

    /// <summary>Collects garbage, runs finalizers, and describes exceptions seen since <paramref name="baseline"/> (empty when none).</summary>
    public static IReadOnlyList<string> SinceBaseline(long baseline)
    {
        // The event fires from the faulted task's finalizer: one collection plus the finalizer wait is enough.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var extra = Interlocked.Read(ref _count) - baseline;
        if (extra <= 0) return [];
        return [$"{extra} unobserved task exception(s), most recent: {string.Join(" | ", Seen.TakeLast((int)Math.Min(extra, 5)))}"];
    }
}
