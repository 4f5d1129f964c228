namespace ChaosFeatures.Harness.Tasks;

/// <summary>
/// One queued thing a task does (download, upload, sleep, cancel another task). <paramref name="Bound"/>
/// is how long it may take at most, so waits on the task are bounded by the sum of its actions.
/// </summary>
public sealed record TaskAction(string Description, TimeSpan Bound, Func<ChaosTask, CancellationToken, Task> RunAsync);
