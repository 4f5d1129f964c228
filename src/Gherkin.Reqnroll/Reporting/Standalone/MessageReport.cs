using System.Text;
using ChaosFeatures.Gherkin.Reporting.ChaosPage;
using ChaosFeatures.Gherkin.Reporting.JUnit;
using ChaosFeatures.Gherkin.Reporting.Results;

namespace ChaosFeatures.Gherkin.Reporting.Standalone;

/// <summary>
/// A run's Cucumber Messages stream read on its own, without the features it ran from (cases are rebuilt from the
/// pickles), and the reports a run writes, rendered from it: for tools that combine the streams of several runs
/// (the nightly merge of shards and seeds) and must tell the same story as each run's own reports.
/// </summary>
public sealed class MessageReport
{
    private readonly MessageRun _run;

    private MessageReport(MessageRun run)
    {
        _run = run;
        Cases = [.. run.Outcomes().Select(o => new ReportedCase(o.Case.Id, o.Case.Feature.Path, o.Case.ScenarioLine, o.Case.ScenarioName,
            o.Case.DisplayName, o.Status, o.Attempts, o.PassedAttempts, o.FailedAttempts, o.Duration, o.Message))];
    }

    /// <exception cref="InvalidDataException">A line that is not a Cucumber message (the text names the file and line).</exception>
    public static MessageReport Read(string ndjsonPath) => new(MessageRun.Read(ndjsonPath, null));

    public DateTimeOffset Started => _run.Started;

    public DateTimeOffset Finished => _run.Finished;

    /// <summary>What the stream's <c>testRunFinished</c> says.</summary>
    public bool Success => _run.Success;

    /// <summary>Every case that ran, in stream order.</summary>
    public IReadOnlyList<ReportedCase> Cases { get; }

    /// <summary>The JUnit XML a run's <c>junit</c> formatter writes.</summary>
    public void WriteJUnit(Stream output) => JUnitXml.Write(_run, [], output);

    /// <summary>The chaos page a run's <c>chaos</c> formatter writes (every case that ran), with a trend table when one is given.</summary>
    public void WriteChaosPage(Stream output, IReadOnlyList<ScenarioTrend> trend) =>
        output.Write(new UTF8Encoding(false).GetBytes(HtmlPage.Render(_run, [.. _run.Outcomes().Select(o => o.Case)], [], trend)));
}
