namespace ChaosFeatures.Harness.Scheduling;

/// <summary>Where a named scenario task is.</summary>
public enum ScenarioTaskStatus { Running, Completed, Cancelled, Faulted }
