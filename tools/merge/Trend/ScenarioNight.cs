namespace ChaosFeatures.Merge.Trend;

/// <summary>One scenario in one night: iterations passed and failed over every case, shard and seed set, and whether a case of it was flaky.</summary>
internal sealed record ScenarioNight(string Name, int Passed, int Failed, bool Flaky)
{
    public string Status => Flaky ? "flaky" : Failed > 0 ? "failed" : Passed > 0 ? "passed" : NightHistory.Absent;
}
