using ChaosFeatures.Seeds;

namespace ChaosFeatures.Harness.Seeds;

/// <summary>The seeds of one test case: the run-wide ones plus sub-seeds derived from its id.</summary>
public sealed record CaseSeeds(string TestCaseId, ChaosSeeds Run, ulong PayloadSeed, ulong SchedulerSeed, ulong ToxicSeed)
{
    /// <summary>
    /// The payload seed of a named thing, e.g. <c>PayloadFor("EP")</c>: a peer, a forked peer and an in-memory
    /// stream of the same name and size get the same bytes. Other purposes (uploads, records) pass their own.
    /// </summary>
    public Seed PayloadFor(string name, string purpose = "payload") => new Seed(PayloadSeed).For(purpose, name);

    /// <summary>The toxic seed of a named thing, e.g. <c>ToxicFor("EP", "proxy")</c> for a peer's proxy.</summary>
    public Seed ToxicFor(string name, string purpose) => new Seed(ToxicSeed).For(purpose, name);
}
