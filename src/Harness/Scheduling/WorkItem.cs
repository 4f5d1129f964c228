namespace ChaosFeatures.Harness.Scheduling;

/// <summary>A ready continuation of one scenario task.</summary>
internal readonly record struct WorkItem(ScenarioTask Owner, SendOrPostCallback Callback, object? State);
