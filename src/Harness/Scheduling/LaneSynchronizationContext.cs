namespace ChaosFeatures.Harness.Scheduling;

/// <summary>
/// Captured by every <c>await</c> inside a scenario task, so its continuations (I/O completions
/// from the thread pool included) come back to the scheduler's ready queue tagged with the task.
/// </summary>
internal sealed class LaneSynchronizationContext(ScenarioScheduler scheduler, ScenarioTask owner) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => scheduler.Enqueue(new WorkItem(owner, d, state));

    /// <summary>Inline on the thread running the pump; from elsewhere, post and wait (bounded so a dead pump cannot hang a caller).</summary>
    public override void Send(SendOrPostCallback d, object? state)
    {
        if (scheduler.IsPumpThread) { d(state); return; }
        using var done = new ManualResetEventSlim();
        Exception? error = null;
        Post(_ => { try { d(state); } catch (Exception e) { error = e; } finally { done.Set(); } }, null);
        if (!done.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException($"scenario task '{owner.Name}': Send not run within 30 s");
        if (error is not null) throw new AggregateException(error);
    }

    public override SynchronizationContext CreateCopy() => this;
}
