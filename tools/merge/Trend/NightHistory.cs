using ChaosFeatures.Gherkin.Reporting.Standalone;
using ChaosFeatures.Merge.Jobs;

namespace ChaosFeatures.Merge.Trend;

/// <summary>
/// Tonight's results by scenario, the window of the last N nights (the previous summary's nights plus tonight), and
/// per scenario its pass rate over that window and what changed tonight: newly failed (failures tonight, none the last
/// night it ran) and flaky (a case failed in some iterations or seed sets and passed in others).
/// </summary>
internal static class NightHistory
{
    public const string Absent = "absent";

    public static NightRecord Tonight(DateTimeOffset started, IReadOnlyList<(JobManifest Job, IReadOnlyList<ReportedCase> Cases)> jobs)
    {
        var runs = jobs.SelectMany(j => j.Cases.Select(c => (j.Job, Case: c))).ToList();
        // The same case under the same generation seed is the same pickle; schedulers and iterations are its retries.
        var flakyCases = runs.GroupBy(r => (r.Job.GenSeed, r.Case.Id))
            .Where(g => g.Sum(r => r.Case.PassedAttempts) > 0 && g.Sum(r => r.Case.FailedAttempts) > 0)
            .Select(g => g.First().Case.Scenario)
            .ToHashSet(StringComparer.Ordinal);
        var scenarios = runs.GroupBy(r => r.Case.Scenario, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new ScenarioNight(g.First().Case.ScenarioName, g.Sum(r => r.Case.PassedAttempts), g.Sum(r => r.Case.FailedAttempts), flakyCases.Contains(g.Key)),
            StringComparer.Ordinal);
        return new NightRecord(started, scenarios);
    }

    /// <summary>The last <paramref name="nights"/> nights, oldest first, ending with tonight (a re-merge of tonight replaces it).</summary>
    public static IReadOnlyList<NightRecord> Window(IReadOnlyList<NightRecord> previous, NightRecord tonight, int nights) =>
        [.. previous.Where(n => n.Started != tonight.Started).OrderBy(n => n.Started).Append(tonight).TakeLast(nights)];

    /// <summary>Every scenario that ran tonight (the window's last night).</summary>
    public static IReadOnlyList<ScenarioTrend> Trend(IReadOnlyList<NightRecord> window)
    {
        var tonight = window[^1];
        var trend = new List<ScenarioTrend>();
        foreach (var (key, now) in tonight.Scenarios.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var nights = window.Select(n => n.Scenarios.GetValueOrDefault(key)).ToList();
            var ran = nights.OfType<ScenarioNight>().ToList();
            var total = ran.Sum(n => n.Passed + n.Failed);
            var before = nights.Take(nights.Count - 1).OfType<ScenarioNight>().LastOrDefault(n => n.Status != Absent);
            trend.Add(new ScenarioTrend(key, now.Name, total == 0 ? 1 : ran.Sum(n => n.Passed) / (double)total,
                [.. nights.Select(n => n?.Status ?? Absent)],
                NewlyFailed: now.Failed > 0 && (before is null || before.Failed == 0),
                NewlyFlaky: now.Flaky && before is not { Flaky: true },
                Flaky: now.Flaky));
        }
        return trend;
    }
}
