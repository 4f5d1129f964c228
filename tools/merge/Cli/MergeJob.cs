using ChaosFeatures.Gherkin.Reporting.Standalone;
using ChaosFeatures.Merge.Jobs;
using ChaosFeatures.Merge.Output;
using ChaosFeatures.Merge.Replays;
using ChaosFeatures.Merge.Reports;
using ChaosFeatures.Merge.Messages;
using ChaosFeatures.Merge.Summary;
using ChaosFeatures.Merge.Trend;

namespace ChaosFeatures.Merge.Cli;

/// <summary>
/// Reads every job, writes the merged stream and builds every other output from it (the chaos page with the trend,
/// Cucumber's HTML, JUnit) or from the jobs (replays, summary), staged and committed together.
/// </summary>
internal sealed class MergeJob(TextWriter stdout)
{
    public const string MessagesFile = "cucumber-messages.ndjson";
    public const string ChaosPageFile = "chaos-report.html";
    public const string JUnitFile = "junit.xml";

    public async Task<int> RunAsync(MergeRequest request)
    {
        var jobs = JobFolders.Find(request.Jobs, request.CurrentDirectory);
        var previous = request.Previous is { } path ? SummaryJson.PreviousNights(Path.GetFullPath(path, request.CurrentDirectory)) : [];
        var reads = jobs.Select(j => (Job: j, Report: j.MessagesPath is { } messages ? Read(messages) : null)).ToList();

        var outFolder = Path.GetFullPath(request.Out, request.CurrentDirectory);
        if (File.Exists(outFolder))
            throw new MergeInputException($"--out '{request.Out}' is a file; give a folder");
        using var output = new OutputFolder(outFolder);
        var mergedPath = output.Stage(MessagesFile, s => MergedStream.Write(jobs, s));
        var merged = Read(mergedPath);

        var cases = reads.Select(r => (r.Job.Manifest, (IReadOnlyList<ReportedCase>)(r.Report?.Cases ?? []))).ToList();
        var window = NightHistory.Window(previous, NightHistory.Tonight(merged.Started, cases), request.Nights);
        var trend = NightHistory.Trend(window);
        output.Stage(ChaosPageFile, s => merged.WriteChaosPage(s, trend));
        await output.StageAsync(CucumberHtml.FileName, s => CucumberHtml.WriteAsync(mergedPath, s));
        output.Stage(JUnitFile, merged.WriteJUnit);

        var descriptors = output.StageFolder(ReplayList.FolderName);
        var failures = ReplayList.Collect([.. reads.Select(r => (r.Job, (IReadOnlyList<ReportedCase>)(r.Report?.Cases ?? [])))], descriptors,
            Path.Combine(outFolder, ReplayList.FolderName));
        output.Stage(ReplayList.FileName, s => Text(s, ReplayList.Text(failures)));
        var summary = SummaryBuilder.Build(reads, failures, window, trend, merged);
        var text = SummaryText.Of(summary);
        output.Stage(NightSummary.FileName, s => SummaryJson.Write(summary, s));
        output.Stage(NightSummary.TextFileName, s => Text(s, text));
        output.Commit();

        stdout.Write(text);
        stdout.WriteLine($"written to {outFolder}: {MessagesFile}, {ChaosPageFile}, {CucumberHtml.FileName}, {JUnitFile}, {ReplayList.FileName}, {ReplayList.FolderName}/, {NightSummary.FileName}, {NightSummary.TextFileName}");
        return summary.Totals.Failed > 0 || summary.Problems.Count > 0 ? ExitCodes.Failures : ExitCodes.Success;
    }

    private static MessageReport Read(string path)
    {
        try
        {
            return MessageReport.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new MergeInputException(e.Message, e);
        }
    }

    private static void Text(Stream output, string text) => output.Write(new System.Text.UTF8Encoding(false).GetBytes(text));
}
