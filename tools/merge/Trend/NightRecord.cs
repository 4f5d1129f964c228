namespace ChaosFeatures.Merge.Trend;

/// <summary>A night's results by scenario (<c>feature path:line</c>), kept in the summary so the next merge can trend over it.</summary>
internal sealed record NightRecord(DateTimeOffset Started, IReadOnlyDictionary<string, ScenarioNight> Scenarios);
