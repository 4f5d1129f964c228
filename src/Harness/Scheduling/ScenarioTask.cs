namespace ChaosFeatures.Harness.Scheduling;

/// <summary>A named scenario task ("C", "K"): its cancellation, its contexts and its completion.</summary>
internal sealed class ScenarioTask
{
    public ScenarioTask(ScenarioScheduler scheduler, string name)
    {
        Name = name;
        Context = new LaneSynchronizationContext(scheduler, this);
        Scheduler = new LaneTaskScheduler(scheduler, this);
    }

    public string Name { get; }
    public CancellationTokenSource Cancellation { get; } = new();
    public LaneSynchronizationContext Context { get; }
    public LaneTaskScheduler Scheduler { get; }
    public Task Completion { get; set; } = Task.CompletedTask;

    public ScenarioTaskStatus Status => Completion.Status switch
    {
        TaskStatus.RanToCompletion => ScenarioTaskStatus.Completed,
        TaskStatus.Canceled => ScenarioTaskStatus.Cancelled,
        TaskStatus.Faulted => ScenarioTaskStatus.Faulted,
        _ => ScenarioTaskStatus.Running,
    };

    /// <summary>The fault, marked observed: the scheduler reports it, so it must not also surface as unobserved.</summary>
    public Exception? Fault => Completion.Exception?.InnerExceptions is [var single] ? single : Completion.Exception;
}
