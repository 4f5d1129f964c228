using Reqnroll;

namespace ChaosFeatures.Steps.Tests.Bindings;

/// <summary>Test-only: a faulted task nobody observes, for the unobserved-exception check to catch.</summary>
[Binding]
public sealed class DroppedTaskSteps
{
    [When("a faulted task is dropped")]
    public static void DropFaultedTask() => Drop();

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Drop()
    {
        var dropped = Task.Run(() => throw new InvalidOperationException("planted and dropped"));
        SpinWait.SpinUntil(() => dropped.IsCompleted, TimeSpan.FromSeconds(10)); // faults without anyone observing it
    }
}
