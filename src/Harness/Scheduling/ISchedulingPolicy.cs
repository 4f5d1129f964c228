namespace ChaosFeatures.Harness.Scheduling;

/// <summary>Chooses which ready continuation runs next. Called on the pump thread only, with a non-empty list.</summary>
internal interface ISchedulingPolicy
{
    int Pick(IReadOnlyList<WorkItem> ready);
}
