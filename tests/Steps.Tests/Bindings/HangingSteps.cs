using Reqnroll;

namespace ChaosFeatures.Steps.Tests.Bindings;

/// <summary>Test-only: a step that ignores the watchdog's token, so the bridge has to abandon it; released by the test once it has seen the cut.</summary>
[Binding]
public sealed class HangingSteps
{
    private static TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [When("the step hangs ignoring the watchdog")]
    public Task Hangs() => Volatile.Read(ref _release).Task;

    public static void Release() => Interlocked.Exchange(ref _release, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
