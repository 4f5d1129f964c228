namespace ChaosFeatures.Gherkin.Reporting;

/// <summary>One report to write at the end of the run: a format and its absolute output path.</summary>
public sealed record ReportTarget(IReportFormat Format, string OutputPath);
