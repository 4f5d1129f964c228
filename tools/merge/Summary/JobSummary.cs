namespace ChaosFeatures.Merge.Summary;

/// <param name="Complete">The job wrote its Cucumber messages (it was not cut by its budget or killed).</param>
/// <param name="Cases">Cases it ran; <paramref name="IterationsRun"/> counts every iteration of them.</param>
/// <param name="WallSeconds">From its test run's start to its end, as its messages tell.</param>
internal sealed record JobSummary(string Name, string Shard, ulong GenSeed, string Scheduler, int Iterations, int ExitCode, bool Complete,
    int Cases, int IterationsRun, int Failures, double WallSeconds);
