using ChaosFeatures.Gherkin.Reporting.Standalone;
using ChaosFeatures.Merge.Replays;
using ChaosFeatures.Merge.Trend;

namespace ChaosFeatures.Merge.Summary;

/// <summary>
/// <c>summary.json</c>: the nightly in numbers (totals, per shard, per job), every failure with its freeze command,
/// what kept the nightly from being whole (<see cref="Problems"/>), and the last nights by scenario with the trend:
/// the next night's merge reads <see cref="Nights"/> back (<c>--previous</c>).
/// </summary>
/// <param name="Problems">Missing shards, jobs without messages, jobs that failed outside their reports: any makes the merge exit 1.</param>
/// <param name="Nights">Oldest first, tonight last, at most the <c>--nights</c> window.</param>
internal sealed record NightSummary(
    int Version, DateTimeOffset Started, DateTimeOffset Finished, SummaryTotals Totals, IReadOnlyList<string> Problems,
    IReadOnlyList<ShardSummary> Shards, IReadOnlyList<JobSummary> Jobs, IReadOnlyList<FailureEntry> Failures,
    IReadOnlyList<NightRecord> Nights, IReadOnlyList<ScenarioTrend> Trend)
{
    public const int CurrentVersion = 1;
    public const string FileName = "summary.json";
    public const string TextFileName = "summary.txt";
}
