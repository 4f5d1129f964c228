using Cucumber.HtmlFormatter;
using Reqnroll.Formatters.PayloadProcessing;

namespace ChaosFeatures.Merge.Reports;

/// <summary>Cucumber's own HTML report (the one Reqnroll's <c>html</c> formatter writes), rendered from the merged stream by the Cucumber.HtmlFormatter package.</summary>
internal static class CucumberHtml
{
    public const string FileName = "cucumber-report.html";

    public static async Task WriteAsync(string ndjsonPath, Stream output)
    {
        await using var writer = new MessagesToHtmlWriter(output, (streamWriter, envelope) => streamWriter.WriteAsync(NdjsonSerializer.Serialize(envelope)));
        foreach (var line in File.ReadLines(ndjsonPath).Where(l => l.Length > 0))
            await writer.WriteAsync(NdjsonSerializer.Deserialize(line));
    }
}
