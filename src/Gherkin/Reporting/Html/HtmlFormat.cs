using System.Text;
using ChaosFeatures.Gherkin.Reporting.Recording;

namespace ChaosFeatures.Gherkin.Reporting.Html;

/// <summary>
/// One self-contained HTML page for QA (inline CSS and script, no fetches): every feature, scenario and
/// expanded case of the suite (cases that did not run show as "not run"), steps with status and duration,
/// failures verbatim with the freeze command, tag and status filters, and the transport x logic matrix.
/// </summary>
public sealed class HtmlFormat : IReportFormat
{
    public string Name => "html";

    public string DefaultOutputPath => "reports/chaos-report.html";

    public void Write(RecordedRun run, Stream output)
    {
        var bytes = new UTF8Encoding(false).GetBytes(HtmlPage.Render(run));
        output.Write(bytes);
    }
}
