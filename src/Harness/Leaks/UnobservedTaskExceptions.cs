using System.Collections.Concurrent;

namespace ChaosFeatures.Harness.Leaks;

/// <summary>
/// Counts TaskScheduler.UnobservedTaskException process-wide (subscribed once). The event fires from the faulted
/// task's finalizer, so only a garbage collection brings it out, and a forced full collection costs milliseconds: a
/// scenario's check forces one only when asked (a case that already failed, where the report should be whole), and
/// the run's end forces one and reports what no scenario did (<see cref="CollectUnreported"/>), so a dropped faulted
/// task in a passing case is still caught, once, naming the exception. Parallel scenarios share the count: a report
/// names the exception so its owner can be told apart.
/// </summary>
public static class UnobservedTaskExceptions
{
    private static readonly ConcurrentQueue<string> Seen = new();
    private static long _count;
    private static long _reported;

    static UnobservedTaskExceptions() => TaskScheduler.UnobservedTaskException += (sender, e) =>
    {
        Interlocked.Increment(ref _count);
        Seen.Enqueue($"{e.Exception.InnerException?.GetType().Name ?? e.Exception.GetType().Name}: {e.Exception.InnerException?.Message ?? e.Exception.Message}");
        while (Seen.Count > 20 && Seen.TryDequeue(out _)) { }
    };

    /// <summary>Subscribes (if not yet) and returns the count so far: take it when a scenario starts.</summary>
    public static long Baseline() => Interlocked.Read(ref _count);

    /// <summary>
    /// Describes exceptions seen since <paramref name="baseline"/> (empty when none), first collecting garbage and
    /// running finalizers when <paramref name="collect"/>; whatever it reports the run's end does not report again.
    /// </summary>
    public static IReadOnlyList<string> SinceBaseline(long baseline, bool collect)
    {
        if (collect) Collect();
        var now = Interlocked.Read(ref _count);
        var extra = now - baseline;
        if (extra <= 0) return [];
        MarkReported(now);
        return [Describe(extra)];
    }

    /// <summary>Collects garbage, runs finalizers, and describes exceptions no scenario reported yet (empty when none): for the run's end.</summary>
    public static IReadOnlyList<string> CollectUnreported()
    {
        Collect();
        var now = Interlocked.Read(ref _count);
        var extra = now - Interlocked.Read(ref _reported);
        if (extra <= 0) return [];
        MarkReported(now);
        return [Describe(extra)];
    }

    // The event fires from the faulted task's finalizer: one collection plus the finalizer wait is enough.
    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private static void MarkReported(long upTo)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _reported)) < upTo && Interlocked.CompareExchange(ref _reported, upTo, seen) != seen) { }
    }

    private static string Describe(long extra) =>
        $"{extra} unobserved task exception(s), most recent: {string.Join(" | ", Seen.TakeLast((int)Math.Min(extra, 5)))}";
}
