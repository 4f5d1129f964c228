using System.Globalization;
using System.Text;
using ChaosFeatures.Gherkin.Reporting.Standalone;
using static ChaosFeatures.Gherkin.Reporting.ChaosPage.HtmlText;

namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>The nightly trend: per scenario its pass rate over the last nights and what changed tonight, newly failed and flaky first.</summary>
internal static class TrendSection
{
    public static void Render(StringBuilder html, IReadOnlyList<ScenarioTrend> trend)
    {
        if (trend.Count == 0)
            return;
        var nights = trend.Max(t => t.Nights.Count);
        html.Append($"<section id=\"trend\"><h2>Trend over the last {nights} nights</h2>");
        html.Append($"<p class=\"summary\"><span class=\"badge failed\" data-trend=\"newly-failed\">{trend.Count(t => t.NewlyFailed)} newly failed</span> ")
            .Append($"<span class=\"badge skipped\" data-trend=\"newly-flaky\">{trend.Count(t => t.NewlyFlaky)} newly flaky</span> ")
            .Append($"<span class=\"badge skipped\" data-trend=\"flaky\">{trend.Count(t => t.Flaky)} flaky</span> ")
            .Append("<span class=\"meta\">Flaky: a case failed in some iterations or seeds tonight and passed in others. Pass rate: iterations passed over iterations run.</span></p>");
        html.Append("<table class=\"matrix trend\"><thead><tr><th>scenario</th><th>pass rate</th><th>nights (oldest first)</th><th>tonight</th></tr></thead><tbody>");
        foreach (var row in trend.OrderByDescending(t => t.NewlyFailed).ThenByDescending(t => t.NewlyFlaky).ThenByDescending(t => t.Flaky).ThenBy(t => t.PassRate).ThenBy(t => t.Scenario, StringComparer.Ordinal))
        {
            var change = row.NewlyFailed ? "<span class=\"badge failed\">newly failed</span>" : "";
            if (row.Flaky)
                change += row.NewlyFlaky ? " <span class=\"badge skipped\">newly flaky</span>" : " <span class=\"badge skipped\">flaky</span>";
            html.Append($"<tr data-scenario=\"{Encode(row.Scenario)}\"><th scope=\"row\">{Encode(row.Name)} <span class=\"path\">{Encode(row.Scenario)}</span></th>")
                .Append($"<td>{(row.PassRate * 100).ToString("0.#", CultureInfo.InvariantCulture)} %</td><td>")
                .Append(string.Join(" ", row.Nights.Select(n => $"<span class=\"badge {NightClass(n)}\" title=\"{n}\">{NightMark(n)}</span>")))
                .Append($"</td><td>{change}</td></tr>");
        }
        html.Append("</tbody></table></section>");
    }

    private static string NightClass(string night) => night switch { "passed" => "passed", "failed" => "failed", "flaky" => "skipped", _ => "notrun" };

    private static string NightMark(string night) => night switch { "passed" => "✓", "failed" => "✗", "flaky" => "~", _ => "·" };
}
