namespace ChaosFeatures.Harness.Scheduling;

internal sealed class FifoPolicy : ISchedulingPolicy
{
    public int Pick(IReadOnlyList<WorkItem> ready) => 0;
}
