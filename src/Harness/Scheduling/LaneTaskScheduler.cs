namespace ChaosFeatures.Harness.Scheduling;

/// <summary>
/// <c>TaskScheduler.Current</c> inside a scenario task: <c>Task.Factory.StartNew</c> and
/// <c>ContinueWith</c> without an explicit scheduler also land on the ready queue.
/// </summary>
internal sealed class LaneTaskScheduler(ScenarioScheduler scheduler, ScenarioTask owner) : TaskScheduler
{
    protected override void QueueTask(Task task) =>
        scheduler.Enqueue(new WorkItem(owner, state => TryExecuteTask((Task)state!), task));

    /// <summary>Inline only on the pump, which keeps "one thread at a time runs scenario code" true.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && scheduler.IsPumpThread && TryExecuteTask(task);

    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
