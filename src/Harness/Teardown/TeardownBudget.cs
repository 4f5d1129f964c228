namespace ChaosFeatures.Harness.Teardown;

/// <summary>
/// One scenario's teardown time, spent stage by stage: each stage waits at most for what is left (or its own
/// smaller cap), so the stages together never exceed <see cref="Total"/>. A stage that does not finish in time is
/// a problem line naming it, never silently dropped; its work is observed so a late fault is no unobserved exception.
/// </summary>
public sealed class TeardownBudget(TimeSpan total, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();

    public TimeSpan Total { get; } = total > TimeSpan.Zero ? total : throw new ArgumentOutOfRangeException(nameof(total), total, "a teardown budget must be positive");

    /// <summary>What is left of the budget now; zero once it is spent.</summary>
    public TimeSpan Left
    {
        get
        {
            var left = Total - time.GetElapsedTime(_started);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>The smaller of <paramref name="cap"/> and what is left.</summary>
    public TimeSpan Bound(TimeSpan cap) => cap < Left ? cap : Left;

    /// <summary>Waits for <paramref name="work"/> within what is left: null when it ended, else one line naming <paramref name="what"/> (late, or failed).</summary>
    public async Task<string?> WithinAsync(Task work, string what)
    {
        try
        {
            await work.WaitAsync(Left, time).ConfigureAwait(false);
            return null;
        }
        catch (TimeoutException) when (!work.IsCompleted)
        {
            _ = work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return $"{what} did not stop within the teardown budget of {Total.TotalSeconds:0.###} s";
        }
        catch (Exception e)
        {
            return $"{what} failed to stop: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>As <see cref="WithinAsync(Task, string)"/> for a stage that returns its own problems.</summary>
    public async Task<IReadOnlyList<string>> WithinAsync(Task<IReadOnlyList<string>> work, string what) =>
        await WithinAsync((Task)work, what).ConfigureAwait(false) is { } problem ? [problem] : work.Result;
}
