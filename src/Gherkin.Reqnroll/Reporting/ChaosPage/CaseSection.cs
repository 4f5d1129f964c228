using System.Text;
using static ChaosFeatures.Gherkin.Reporting.ChaosPage.HtmlText;

namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>One test case: status, tags, steps with status and duration, and for a failure the message verbatim
/// (failing step, error, chaos event timeline) with the freeze command lifted out above it.</summary>
internal static class CaseSection
{
    private const string FreezePrefix = "Freeze:";

    public static void Render(StringBuilder html, CaseView view)
    {
        var (testCase, run) = (view.Case, view.Run);
        html.Append($"<details class=\"case\" id=\"{Encode(testCase.Id)}\" data-status=\"{view.Status}\" data-tags=\"{Encode(string.Join(' ', testCase.Tags))}\">");
        html.Append($"<summary><span class=\"badge {view.Status}\">{StatusLabel(view.Status)}</span> {Encode(CaseTitle.Of(testCase))}");
        if (run is not null)
            html.Append($" <span class=\"duration\">{Duration(run.Duration)}</span>");
        if (run is { Attempts: > 1 })
            html.Append($" <span class=\"meta\">{run.Attempts} iterations</span>");
        html.Append("</summary>");
        html.Append($"<p class=\"meta\">id <code>{Encode(testCase.Id)}</code>{Tags(testCase.Tags)}</p>");
        Steps(html, view);
        if (run is { Status: "failed", Message: { } message })
            Failure(html, message);
        if (run is { Status: "skipped" } skipped)
            html.Append($"<p class=\"reason\">Skipped: {Encode(skipped.SkipReason)}</p>");
        html.Append("</details>");
    }

    public static string Tags(IEnumerable<string> tags) =>
        string.Concat(tags.Select(t => $" <span class=\"tag\">@{Encode(t)}</span>"));

    private static void Steps(StringBuilder html, CaseView view)
    {
        html.Append("<ol class=\"steps\">");
        if (view.Run is null)
        {
            foreach (var step in view.Case.Steps)
                html.Append($"<li class=\"{CaseView.NotRun}\"><span class=\"badge {CaseView.NotRun}\">not run</span> {StepText(step.Keyword, step.Text, step.MutationBlockLine is not null)}</li>");
        }
        else
        {
            foreach (var step in view.Run.Steps)
            {
                var text = step.Step is { } s ? StepText(s.Keyword, s.Text, s.MutationBlockLine is not null) : $"<span class=\"hook\">hook {Encode(step.Hook)}</span>";
                html.Append($"<li class=\"{step.Status}\"><span class=\"badge {step.Status}\">{step.Status}</span> {text} <span class=\"duration\">{Duration(step.Duration)}</span>");
                if (step.Status != "passed" && step.Error is { } error)
                    html.Append($"<pre class=\"step-error\">{Encode(error)}</pre>");
                html.Append("</li>");
            }
        }
        html.Append("</ol>");
    }

    private static string StepText(string keyword, string text, bool mutation) =>
        $"<span class=\"keyword\">{Encode(keyword.Trim())}</span> {Encode(text)}" + (mutation ? " <span class=\"mutation\" title=\"drawn from a one of/any of block\">mutation</span>" : "");

    private static void Failure(StringBuilder html, string message)
    {
        html.Append("<div class=\"failure\">");
        foreach (var freeze in message.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(FreezePrefix, StringComparison.Ordinal)))
            html.Append($"<p class=\"freeze\">Freeze this case: <code>{Encode(freeze[FreezePrefix.Length..].Trim())}</code></p>");
        html.Append($"<pre class=\"message\">{Encode(message)}</pre></div>");
    }
}
