using System.Text;
using ChaosFeatures.Gherkin.Reporting.Standalone;
using ChaosFeatures.Harness.Replay;
using ChaosFeatures.Merge.Cli;
using ChaosFeatures.Merge.Jobs;

namespace ChaosFeatures.Merge.Replays;

/// <summary>
/// Every failure of the nightly once: a failed case of a job, with the descriptors its job left for it (matched by the
/// descriptor's test id), copied to <c>descriptors/&lt;job&gt;/</c> so the list works on a machine that only has the merge.
/// A descriptor whose case is not among the job's failures (a run cut before its reports) is listed too.
/// </summary>
internal static class ReplayList
{
    public const string FolderName = "descriptors";
    public const string FileName = "replays.txt";

    /// <param name="stagedFolder">Where to copy descriptors now.</param>
    /// <param name="finalFolder">Where they will be once the output is committed: the paths the list names.</param>
    public static IReadOnlyList<FailureEntry> Collect(IReadOnlyList<(JobFolder Job, IReadOnlyList<ReportedCase> Cases)> jobs, string stagedFolder, string finalFolder)
    {
        var entries = new List<FailureEntry>();
        foreach (var (job, cases) in jobs)
        {
            var descriptors = new List<(string TestId, string Path)>();
            foreach (var source in job.DescriptorPaths())
            {
                string testId;
                try
                {
                    testId = ReplayDescriptorJson.Read(source).TestId;
                }
                catch (ReplayDescriptorException e)
                {
                    throw new MergeInputException(e.Message, e);
                }
                var relative = Path.Combine(job.Manifest.Name, Path.GetFileName(source));
                Directory.CreateDirectory(Path.Combine(stagedFolder, job.Manifest.Name));
                File.Copy(source, Path.Combine(stagedFolder, relative));
                descriptors.Add((testId, Path.Combine(finalFolder, relative)));
            }
            foreach (var failed in cases.Where(c => c.Status == "failed"))
            {
                var own = descriptors.FirstOrDefault(d => d.TestId == failed.Id).Path;
                entries.Add(new FailureEntry(job.Manifest.Name, failed.Id, failed.DisplayName, own, own is null ? null : FreezeCommand(own)));
            }
            var failedIds = cases.Where(c => c.Status == "failed").Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            entries.AddRange(descriptors.Where(d => !failedIds.Contains(d.TestId))
                .Select(d => new FailureEntry(job.Manifest.Name, d.TestId, d.TestId, d.Path, FreezeCommand(d.Path))));
        }
        return entries;
    }

    public static string Text(IReadOnlyList<FailureEntry> entries)
    {
        var text = new StringBuilder();
        text.Append($"# {entries.Count} failure(s); run each freeze command from the suite root\n");
        foreach (var entry in entries)
        {
            text.Append($"{entry.Job}  {entry.CaseId}\n  {entry.Name}\n");
            text.Append(entry.Descriptor is null ? "  no replay descriptor (not a chaos step failure)\n" : $"  descriptor: {entry.Descriptor}\n  freeze: {entry.Freeze}\n");
        }
        return text.ToString();
    }

    private static string FreezeCommand(string descriptor) => $"dotnet run --project tools/freeze -- {descriptor}";
}
