using System.Text;
using static ChaosFeatures.Gherkin.Reporting.ChaosPage.HtmlText;

namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>The transport x logic matrix as a table, with the rule that builds it spelled out for the reader.</summary>
internal static class MatrixSection
{
    public static void Render(StringBuilder html, TransportLogicMatrix matrix)
    {
        html.Append("<section id=\"matrix\"><h2>Transport × logic matrix</h2>");
        html.Append("<p class=\"rule\">Rows are transport faults: steps drawn from <code>one of:</code>/<code>any of:</code> blocks that say what the network, ")
            .Append("the peer, its HTTP or its TLS do wrong. Columns are client logic: drawn steps that say what the client does or how it is set up ")
            .Append("(its driver, patience and retries count as logic even with the keyword <em>Given</em>; a phrase the step library does not know goes by its keyword: Given is transport, When logic). ")
            .Append("Both are grouped by family: TCP peer, toxic proxy, HTTP, TLS; client settings, downloads and uploads, HTTP requests, killer and timing. ")
            .Append("Labels are the step text as written, so a fuzzed range is one label. ")
            .Append("When a scenario mutates only one axis, its plain steps of the other axis appear as <span class=\"fixed\">fixed labels</span> (steps that only say what the peer is, such as <em>serving 256 bytes</em>, are on neither axis); scenarios without mutation blocks are not in the matrix. ")
            .Append("A cell is <span class=\"badge failed\">failed</span> when any case combining both failed in this run, <span class=\"badge passed\">passed</span> when they ran and passed, ")
            .Append("and <span class=\"badge notcovered\">not covered</span> when no case combining both ran (not run, skipped, or no such combination). Hover a cell for its cases.</p>");
        if (matrix.Rows.Count == 0)
        {
            html.Append("<p>No scenario in this suite has a mutation block, so there is nothing to cross.</p></section>");
            return;
        }
        var grouped = matrix.Rows.Concat(matrix.Columns).Any(l => l.Group != MatrixAxes.Other);
        html.Append("<div class=\"matrix-scroll\"><table class=\"matrix\"><thead>");
        if (grouped)
        {
            html.Append("<tr><th class=\"corner\"></th>");
            foreach (var (group, span) in Runs(matrix.Columns))
                html.Append($"<th class=\"group\" scope=\"colgroup\" colspan=\"{span}\">{Encode(group)}</th>");
            html.Append("</tr>");
        }
        html.Append("<tr><th class=\"corner\">transport ↓ / logic →</th>");
        foreach (var column in matrix.Columns)
            html.Append($"<th class=\"{Kind(column)}\" scope=\"col\">{Encode(column.Text)}</th>");
        html.Append("</tr></thead><tbody>");
        string? currentGroup = null;
        foreach (var row in matrix.Rows)
        {
            if (grouped && row.Group != currentGroup)
                html.Append($"<tr><th class=\"group\" scope=\"rowgroup\" colspan=\"{matrix.Columns.Count + 1}\">{Encode(row.Group)}</th></tr>");
            currentGroup = row.Group;
            html.Append($"<tr><th class=\"{Kind(row)}\" scope=\"row\">{Encode(row.Text)}</th>");
            foreach (var column in matrix.Columns)
                Cell(html, matrix.Cases(row, column));
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div></section>");
    }

    private static void Cell(StringBuilder html, IReadOnlyList<CaseView> cases)
    {
        var status = TransportLogicMatrix.Status(cases);
        var ran = cases.Count(c => c.Status is "passed" or "failed");
        var failed = cases.Count(c => c.Status == "failed");
        var text = status switch
        {
            "failed" => $"✗ {failed}/{ran}",
            "passed" => $"✓ {ran}",
            _ => cases.Count == 0 ? "—" : $"— (0 of {cases.Count} ran)",
        };
        var title = string.Join("\n", cases.Select(c => $"{StatusLabel(c.Status)}: {c.Case.DisplayName}"));
        html.Append($"<td class=\"cell {status}\" data-status=\"{status}\" title=\"{Encode(title)}\">{text}</td>");
    }

    private static string Kind(AxisLabel label) => label.Kind.ToString().ToLowerInvariant();

    /// <summary>Consecutive labels of one family, as (family, how many).</summary>
    private static IEnumerable<(string Group, int Span)> Runs(IReadOnlyList<AxisLabel> labels)
    {
        for (var i = 0; i < labels.Count;)
        {
            var j = i;
            while (j < labels.Count && labels[j].Group == labels[i].Group) j++;
            yield return (labels[i].Group, j - i);
            i = j;
        }
    }
}
