using ChaosFeatures.Gherkin.Reporting.Standalone;
using ChaosFeatures.Merge.Jobs;
using ChaosFeatures.Merge.Replays;
using ChaosFeatures.Merge.Trend;

namespace ChaosFeatures.Merge.Summary;

/// <summary>Counts the nightly per job, per shard and in total, and names everything that keeps it from being whole.</summary>
internal static class SummaryBuilder
{
    public static NightSummary Build(IReadOnlyList<(JobFolder Job, MessageReport? Report)> jobs, IReadOnlyList<FailureEntry> failures,
        IReadOnlyList<NightRecord> window, IReadOnlyList<ScenarioTrend> trend, MessageReport merged)
    {
        var jobSummaries = jobs.Select(j => Job(j.Job.Manifest, j.Report)).ToList();
        var cases = jobs.SelectMany(j => (j.Report?.Cases ?? []).Select(c => (j.Job.Manifest, Case: c))).ToList();
        var flaky = cases.GroupBy(r => (r.Manifest.GenSeed, r.Case.Id))
            .Count(g => g.Sum(r => r.Case.PassedAttempts) > 0 && g.Sum(r => r.Case.FailedAttempts) > 0);
        var totals = new SummaryTotals(jobs.Count, cases.Count, cases.Sum(r => r.Case.Attempts), cases.Count(r => r.Case.Status == "passed"),
            cases.Count(r => r.Case.Status == "failed"), cases.Count(r => r.Case.Status == "skipped"), flaky, failures.Count(f => f.Descriptor is not null));
        var shards = jobSummaries.GroupBy(j => j.Shard).OrderBy(g => g.First().Shard, StringComparer.Ordinal)
            .Select(g => new ShardSummary(g.Key, g.Count(), g.Sum(j => j.Cases), g.Sum(j => j.IterationsRun), g.Sum(j => j.Failures), g.Sum(j => j.WallSeconds)))
            .ToList();
        return new NightSummary(NightSummary.CurrentVersion, merged.Started, merged.Finished, totals, Problems(jobs, totals), shards, jobSummaries, failures, window, trend);
    }

    private static JobSummary Job(JobManifest job, MessageReport? report) =>
        new(job.Name, job.Shard.ToString(), job.GenSeed, job.Scheduler, job.Iterations, job.ExitCode, report is not null,
            report?.Cases.Count ?? 0, report?.Cases.Sum(c => c.Attempts) ?? 0, report?.Cases.Count(c => c.Status == "failed") ?? 0,
            report is null ? 0 : Math.Max(0, (report.Finished - report.Started).TotalSeconds));

    private static List<string> Problems(IReadOnlyList<(JobFolder Job, MessageReport? Report)> jobs, SummaryTotals totals)
    {
        var problems = new List<string>();
        var count = jobs.Count == 0 ? 1 : jobs[0].Job.Manifest.Shard.Count;
        foreach (var seedSet in jobs.GroupBy(j => j.Job.Manifest.SeedSet))
        {
            var present = seedSet.Select(j => j.Job.Manifest.Shard.Index).ToHashSet();
            problems.AddRange(Enumerable.Range(1, count).Where(k => !present.Contains(k)).Select(k => $"{seedSet.Key}: shard {k}/{count} is missing"));
        }
        foreach (var (job, report) in jobs)
        {
            var manifest = job.Manifest;
            if (report is null)
                problems.Add($"job {manifest.Name} wrote no Cucumber messages (exit code {manifest.ExitCode}: cut by its budget or crashed); its cases are not in the merge");
            else if (manifest.ExitCode != 0 && report.Cases.All(c => c.Status != "failed"))
                problems.Add($"job {manifest.Name} exited {manifest.ExitCode} with no failed case in its messages: a feature error or a failure outside the cases (see its log)");
        }
        if (totals.Cases == 0)
            problems.Add("no case ran in any job");
        return problems;
    }
}
