namespace ChaosFeatures.Harness.Scheduling;

/// <summary>One pick of the scheduler: at <paramref name="Step"/> it ran a continuation of <paramref name="Task"/>, item <paramref name="Index"/> of <paramref name="Ready"/> ready ones.</summary>
public sealed record SchedulerDecision(long Step, string Task, int Ready, int Index);
