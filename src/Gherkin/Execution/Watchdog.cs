namespace ChaosFeatures.Gherkin.Execution;

/// <summary>
/// Runs bodies on their own threads and waits for them with a bound. A body that blocks a thread
/// synchronously (e.g. Thread.Sleep(Timeout.Infinite)) cannot be killed in .NET — there is no safe
/// Thread.Abort — so on timeout its thread is abandoned: we stop waiting, cancel its token and go on.
/// </summary>
internal static class Watchdog
{
    /// <summary>
    /// Starts <paramref name="body"/> on a dedicated thread (no SynchronizationContext, so a harness's
    /// context can neither deadlock synchronous steps nor be blocked by them).
    /// </summary>
    public static Task StartDedicated(Func<Task> body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default)
            .Unwrap();

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
}
