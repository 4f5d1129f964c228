using System.Globalization;
using System.Text;

namespace ChaosFeatures.Merge.Summary;

/// <summary><c>summary.txt</c>, also printed: the numbers, the problems, each failure with its freeze command, and tonight's changes.</summary>
internal static class SummaryText
{
    public static string Of(NightSummary summary)
    {
        var t = summary.Totals;
        var text = new StringBuilder();
        text.Append(Invariant($"nightly merge: {t.Jobs} jobs, {t.Cases} case runs, {t.Iterations} iterations: {t.Passed} passed, {t.Failed} failed, {t.Skipped} skipped; {t.Flaky} flaky, {t.Descriptors} replay descriptors\n"));
        text.Append(Invariant($"wall time: {(summary.Finished - summary.Started).TotalSeconds:0.0} s from the first job's start to the last one's end\n"));
        foreach (var shard in summary.Shards)
            text.Append(Invariant($"  shard {shard.Shard}: {shard.Jobs} jobs, {shard.Cases} cases, {shard.Iterations} iterations, {shard.Failures} failures, {shard.WallSeconds:0.0} s\n"));
        foreach (var problem in summary.Problems)
            text.Append($"problem: {problem}\n");
        foreach (var failure in summary.Failures)
        {
            text.Append($"failed: {failure.Job}  {failure.CaseId}\n");
            text.Append(failure.Freeze is null ? "  (no replay descriptor)\n" : $"  freeze: {failure.Freeze}\n");
        }
        var changes = summary.Trend.Where(s => s.NewlyFailed || s.NewlyFlaky).ToList();
        text.Append($"trend over {summary.Nights.Count} night(s): {summary.Trend.Count(s => s.NewlyFailed)} newly failed, {summary.Trend.Count(s => s.NewlyFlaky)} newly flaky, {summary.Trend.Count(s => s.Flaky)} flaky\n");
        foreach (var change in changes)
            text.Append(Invariant($"  {(change.NewlyFailed ? "newly failed" : "newly flaky")}: {change.Scenario} {change.Name} (pass rate {change.PassRate * 100:0.#} %)\n"));
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
