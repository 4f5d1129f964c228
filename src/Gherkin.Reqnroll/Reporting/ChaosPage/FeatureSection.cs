using System.Text;
using static ChaosFeatures.Gherkin.Reporting.ChaosPage.HtmlText;

namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>A feature with its scenarios, each scenario with all of its expanded cases (run or not).</summary>
internal static class FeatureSection
{
    public static void Render(StringBuilder html, IReadOnlyList<CaseView> cases)
    {
        var feature = cases[0].Case.Feature;
        html.Append($"<section class=\"feature\"><h2>{Encode(feature.Title)} <span class=\"path\">{Encode(feature.Path)}</span>{CaseSection.Tags(feature.Tags)}</h2>");
        if (feature.Description is { } description)
            html.Append($"<p class=\"description\">{Encode(description)}</p>");
        foreach (var scenario in cases.GroupBy(c => c.Case.ScenarioLine))
        {
            var list = scenario.ToList();
            var first = list[0].Case;
            var counts = string.Join(" ", list.GroupBy(c => c.Status).Select(g => $"<span class=\"badge {g.Key}\">{g.Count()} {StatusLabel(g.Key)}</span>"));
            html.Append("<details class=\"scenario\" open>");
            html.Append($"<summary><strong>{Encode(first.ScenarioName)}</strong> <span class=\"path\">line {first.ScenarioLine}</span> {counts}</summary>");
            foreach (var view in list)
                CaseSection.Render(html, view);
            html.Append("</details>");
        }
        html.Append("</section>");
    }
}
