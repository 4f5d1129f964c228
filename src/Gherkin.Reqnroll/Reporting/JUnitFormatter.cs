using ChaosFeatures.Gherkin.Reporting.JUnit;
using ChaosFeatures.Gherkin.Reporting.Results;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.RuntimeSupport;

namespace ChaosFeatures.Gherkin.Reporting;

/// <summary>The <c>junit</c> formatter: JUnit XML for CI, from the run's Cucumber messages.</summary>
internal sealed class JUnitFormatter(IFormattersConfigurationProvider configuration, IFormatterLog logger, ReportContext context)
    : SuiteReportFormatter(configuration, logger, context, FormatterName, "reports/junit.xml")
{
    public const string FormatterName = "junit";

    protected override void Write(MessageRun run, Stream output) => JUnitXml.Write(run, Context.ShardErrors, output);
}
