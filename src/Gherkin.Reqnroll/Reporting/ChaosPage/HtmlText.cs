using System.Globalization;
using System.Net;

namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>Encoding and number formats shared by the page's sections.</summary>
internal static class HtmlText
{
    /// <summary>Safe in element content and in quoted attributes.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Duration(TimeSpan span) =>
        span.TotalSeconds >= 1
            ? span.TotalSeconds.ToString("0.00 's'", CultureInfo.InvariantCulture)
            : span.TotalMilliseconds.ToString("0 'ms'", CultureInfo.InvariantCulture);

    public static string StatusLabel(string status) => status switch
    {
        CaseView.NotRun => "not run",
        "notcovered" => "not covered",
        _ => status,
    };
}
