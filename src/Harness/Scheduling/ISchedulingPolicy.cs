namespace ChaosFeatures.Harness.Scheduling;

/// <summary>Chooses which ready continuation runs next. Called by the pump only (under its lock), with a non-empty list.</summary>
internal interface ISchedulingPolicy
{
    int Pick(IReadOnlyList<WorkItem> ready);
}
