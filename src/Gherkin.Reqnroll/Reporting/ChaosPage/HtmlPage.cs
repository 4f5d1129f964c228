using System.Globalization;
using System.Text;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Reporting.Results;
using ChaosFeatures.Gherkin.Reporting.Standalone;
using static ChaosFeatures.Gherkin.Reporting.ChaosPage.HtmlText;

namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>The whole page: summary and filters, feature load errors, the nightly trend (a merged run's), features, the matrix, then the inline script.</summary>
internal static class HtmlPage
{
    private static readonly string[] Statuses = ["passed", "failed", "skipped", CaseView.NotRun];

    public static string Render(MessageRun run, IReadOnlyList<TestCase> suite, IReadOnlyList<FeatureLoadError> errors, IReadOnlyList<ScenarioTrend>? trend = null)
    {
        var views = CaseView.All(suite, run.Outcomes());
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            // The page must work from a file or a CI artifact with no network: forbid every fetch outright.
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
            .Append("<title>ChaosFeatures report</title><style>").Append(PageAssets.Css).Append("</style></head><body>");
        Header(html, run, views, errors, trend);
        html.Append("<main>");
        LoadErrors(html, errors);
        TrendSection.Render(html, trend ?? []);
        html.Append("<div id=\"features\">");
        foreach (var feature in views.GroupBy(v => v.Case.Feature.Path, StringComparer.Ordinal))
            FeatureSection.Render(html, [.. feature]);
        html.Append("</div>");
        MatrixSection.Render(html, TransportLogicMatrix.Build(views));
        html.Append("</main><script>").Append(PageAssets.Script).Append("</script></body></html>");
        return html.ToString();
    }

    private static void Header(StringBuilder html, MessageRun run, IReadOnlyList<CaseView> views, IReadOnlyList<FeatureLoadError> errors, IReadOnlyList<ScenarioTrend>? trend)
    {
        html.Append("<header><h1>ChaosFeatures living documentation</h1>");
        html.Append($"<p class=\"meta\">Run {run.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}, ")
            .Append($"{Duration(run.Finished - run.Started)}, {(run.Success ? "succeeded" : "<strong class=\"failed-text\">failed</strong>")}. ")
            .Append($"{views.Count} test cases in {views.Select(v => v.Case.Feature.Path).Distinct().Count()} features.</p>");
        html.Append("<p class=\"summary\">");
        foreach (var status in Statuses)
            html.Append($"<span class=\"badge {status}\" data-summary=\"{status}\">{views.Count(v => v.Status == status)} {StatusLabel(status)}</span> ");
        if (errors.Count > 0)
            html.Append($"<span class=\"badge failed\" data-summary=\"errors\">{errors.Count} feature errors</span>");
        html.Append("</p><nav>").Append(trend is { Count: > 0 } ? "<a href=\"#trend\">Trend</a> · " : "")
            .Append("<a href=\"#features\">Features</a> · <a href=\"#matrix\">Transport × logic matrix</a></nav>");
        html.Append("<form id=\"filters\" onsubmit=\"return false\"><label>Tag <select id=\"tag-filter\"><option value=\"\">all tags</option>");
        foreach (var tag in views.SelectMany(v => v.Case.Tags).Distinct().Order(StringComparer.Ordinal))
            html.Append($"<option value=\"{Encode(tag)}\">@{Encode(tag)}</option>");
        html.Append("</select></label>");
        foreach (var status in Statuses)
            html.Append($"<label><input type=\"checkbox\" data-status-filter value=\"{status}\" checked> {StatusLabel(status)}</label>");
        html.Append("<span class=\"meta\"><span id=\"shown-count\">").Append(views.Count).Append("</span> shown</span></form></header>");
    }

    private static void LoadErrors(StringBuilder html, IReadOnlyList<FeatureLoadError> errors)
    {
        if (errors.Count == 0)
            return;
        html.Append("<section class=\"load-errors\"><h2>Feature errors</h2><p>These files produced no (or not all of their) test cases; each is a failing test in the run.</p><ul>");
        foreach (var error in errors)
            html.Append($"<li><code>{Encode(error.ToString())}</code></li>");
        html.Append("</ul></section>");
    }
}
