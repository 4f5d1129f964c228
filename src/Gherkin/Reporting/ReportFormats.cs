using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Reporting.Html;
using ChaosFeatures.Gherkin.Reporting.JUnit;
using ChaosFeatures.Gherkin.Reporting.Messages;

namespace ChaosFeatures.Gherkin.Reporting;

/// <summary>The formatters reqnroll.json can turn on, and the targets a configuration asks for.</summary>
public static class ReportFormats
{
    public static IReadOnlyList<IReportFormat> All { get; } = [new MessageFormat(), new JUnitFormat(), new HtmlFormat()];

    /// <param name="formatters">reqnroll.json's <c>formatters</c>: name -> outputFilePath (null: the format's default).</param>
    /// <param name="root">Relative output paths start here (the suite root).</param>
    public static IReadOnlyList<ReportTarget> Targets(IReadOnlyDictionary<string, string?> formatters, string root) =>
        formatters.Select(entry =>
        {
            var format = All.FirstOrDefault(f => f.Name == entry.Key)
                ?? throw new ConfigurationException(
                    $"reqnroll.json: 'formatters.{entry.Key}' is not a known formatter; known: {string.Join(", ", All.Select(f => f.Name))}");
            return new ReportTarget(format, Path.GetFullPath(Path.Combine(root, entry.Value ?? format.DefaultOutputPath)));
        }).ToList();
}
