namespace ChaosFeatures.Harness.Seeds;

/// <summary>
/// The run-wide seeds: <c>CHAOS_GEN_SEED</c> (values, mutations, toxics, payloads; default 1) and
/// <c>CHAOS_SCHED</c> (scheduler policy; default fifo). Each test case derives its own sub-seeds
/// with <see cref="For"/>, so one case replays alone with the same draws.
/// </summary>
public sealed record ChaosSeeds(ulong GenSeed, SchedulerSpec Scheduler)
{
    public const string GenSeedVariable = "CHAOS_GEN_SEED";
    public const string GenSeedAccepted = "a non-negative integer (0..18446744073709551615), default 1";

    public static ChaosSeeds Default { get; } = new(1, SchedulerSpec.Fifo);

    /// <summary>Reads both variables; unset or empty means the default.</summary>
    public static ChaosSeeds FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(GenSeedVariable), Environment.GetEnvironmentVariable(SchedulerSpec.Variable));

    public static ChaosSeeds Parse(string? genSeed, string? scheduler)
    {
        ulong gen = 1;
        if (!string.IsNullOrEmpty(genSeed) && !SchedulerSpec.TryUInt64(genSeed, out gen))
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
        var salt = StableHash.Fnv1a64("iteration");
        var scheduler = Scheduler.Kind == SchedulerKind.Fifo
            ? Scheduler
            : Scheduler with { Seed = StableHash.Combine(Scheduler.Seed, (ulong)iteration, salt) };
        return new ChaosSeeds(StableHash.Combine(GenSeed, (ulong)iteration, salt), scheduler);
    }

    /// <summary>Sub-seeds for one test case, from its stable id (never string.GetHashCode, which is randomised per process).</summary>
    public CaseSeeds For(string testCaseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(testCaseId);
        var id = StableHash.Fnv1a64(testCaseId);
        return new CaseSeeds(
            testCaseId,
            this,
            PayloadSeed: StableHash.Combine(GenSeed, id, StableHash.Fnv1a64("payload")),
            SchedulerSeed: StableHash.Combine(Scheduler.Seed, id, StableHash.Fnv1a64("scheduler")),
            ToxicSeed: StableHash.Combine(GenSeed, id, StableHash.Fnv1a64("toxic")));
    }
}
