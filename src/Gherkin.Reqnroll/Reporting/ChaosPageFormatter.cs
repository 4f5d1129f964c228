using System.Text;
using ChaosFeatures.Gherkin.Reporting.ChaosPage;
using ChaosFeatures.Gherkin.Reporting.Results;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.RuntimeSupport;

namespace ChaosFeatures.Gherkin.Reporting;

/// <summary>
/// The <c>chaos</c> formatter: one self-contained HTML page for QA (inline CSS and script, no fetches) with every
/// case of the suite, run or not, its steps and failures with the freeze command, tag and status filters, and
/// the transport x logic matrix. Results come from the run's Cucumber messages.
/// </summary>
internal sealed class ChaosPageFormatter(IFormattersConfigurationProvider configuration, IFormatterLog logger, ReportContext context)
    : SuiteReportFormatter(configuration, logger, context, FormatterName, "reports/chaos-report.html")
{
    public const string FormatterName = "chaos";

    protected override void Write(MessageRun run, Stream output) =>
        output.Write(new UTF8Encoding(false).GetBytes(HtmlPage.Render(run, Context.ShardCases, Context.ShardErrors)));
}
