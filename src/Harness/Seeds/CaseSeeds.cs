namespace ChaosFeatures.Harness.Seeds;

/// <summary>The seeds of one test case: the run-wide ones plus sub-seeds derived from its id.</summary>
public sealed record CaseSeeds(string TestCaseId, ChaosSeeds Run, ulong PayloadSeed, ulong SchedulerSeed, ulong ToxicSeed);
