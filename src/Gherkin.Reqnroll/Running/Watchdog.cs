namespace ChaosFeatures.Gherkin.Running;

/// <summary>
/// Bounded waits. A body that blocks a thread synchronously (e.g. <c>Thread.Sleep(Timeout.Infinite)</c>)
/// cannot be killed in .NET — there is no safe Thread.Abort — so on timeout its thread is abandoned:
/// the caller stops waiting, cancels the case's token and goes on.
/// </summary>
internal static class Watchdog
{
    /// <summary>True when <paramref name="task"/> ended within <paramref name="bound"/>; false on timeout or caller cancellation.</summary>
    public static async Task<bool> CompletesWithinAsync(Task task, TimeSpan bound, CancellationToken cancellationToken = default)
    {
        try
        {
            await task.WaitAsync(bound, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !task.IsCompleted)
        {
            return false;
        }
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool and waits for it; the error when it fails, a sentence when it does not end in time.</summary>
    public static async Task<string?> RunBoundedAsync(Func<Task> work, TimeSpan bound, string what)
    {
        var task = Task.Run(work);
        if (!await CompletesWithinAsync(task, bound).ConfigureAwait(false))
        {
            Observe(task);
            return $"{what} did not finish within {Seconds(bound)}; abandoned.";
        }
        return task.Exception is { } failed ? $"{what} failed: {ErrorText.Of(failed.GetBaseException())}" : null;
    }

    /// <summary>An abandoned task may still fault later; reading its exception keeps it from surfacing as unobserved.</summary>
    public static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    public static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.###} s";
}
