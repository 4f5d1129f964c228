using ChaosFeatures.Seeds;

namespace ChaosFeatures.Harness.Seeds;

/// <summary>
/// The run-wide seeds: <c>CHAOS_GEN_SEED</c> (values, mutations, toxics, payloads; default 1) and
/// <c>CHAOS_SCHED</c> (scheduler policy; default fifo). Each test case derives its own sub-seeds
/// with <see cref="For"/>, so one case replays alone with the same draws.
/// </summary>
public sealed record ChaosSeeds(ulong GenSeed, SchedulerSpec Scheduler)
{
    public const string GenSeedVariable = SeedText.GenSeedVariable;
    public const string GenSeedAccepted = SeedText.GenSeedAccepted;

    public static ChaosSeeds Default { get; } = new(1, SchedulerSpec.Fifo);

    /// <summary>Unset or empty means the default; a bad value throws the one-line <see cref="ChaosConfigurationException"/>.</summary>
    public static ChaosSeeds Parse(string? genSeed, string? scheduler)
    {
        ulong gen = 1;
        if (!string.IsNullOrEmpty(genSeed) && !SeedText.TryParse(genSeed, out gen))
            throw new ChaosConfigurationException(GenSeedVariable, genSeed, GenSeedAccepted);
        return new ChaosSeeds(gen, SchedulerSpec.Parse(scheduler));
    }

    /// <summary>
    /// The seeds of one run of a case under <c>CHAOS_ITERATIONS</c>: iteration 0 is the run's own
    /// seeds (so a single run is unchanged); later ones derive a new generation seed and, for
    /// random and pct schedulers, a new scheduler seed. A failure's descriptor records these
    /// derived values, so freezing it pins exactly the iteration that failed.
    /// </summary>
    public ChaosSeeds ForIteration(int iteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        if (iteration == 0) return this;
        var scheduler = Scheduler.Kind == SchedulerKind.Fifo
            ? Scheduler
            : Scheduler with { Seed = Iteration(Scheduler.Seed, iteration) };
        return new ChaosSeeds(Iteration(GenSeed, iteration), scheduler);
    }

    /// <summary>Sub-seeds for one test case, from its stable id (never string.GetHashCode, which is randomised per process).</summary>
    public CaseSeeds For(string testCaseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(testCaseId);
        return new CaseSeeds(
            testCaseId,
            this,
            PayloadSeed: new Seed(GenSeed).For("payload", testCaseId).Value,
            SchedulerSeed: new Seed(Scheduler.Seed).For("scheduler", testCaseId).Value,
            ToxicSeed: new Seed(GenSeed).For("toxic", testCaseId).Value);
    }

    private static ulong Iteration(ulong seed, int iteration) => new Seed(seed).For("iteration").For((ulong)iteration).Value;
}
