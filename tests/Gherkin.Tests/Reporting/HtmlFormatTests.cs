using System.Net;
using System.Text.RegularExpressions;

namespace ChaosFeatures.Gherkin.Tests.Reporting;

public class HtmlFormatTests
{
    [Fact]
    public async Task Lists_every_case_of_the_suite_with_its_status_including_the_ones_that_did_not_run()
    {
        using var sample = await ChaosSampleRun.RunAsync();

        var html = sample.Read("html");

        sample.PathOf("html").Should().Be(Path.Combine(sample.Root, "out", "report.html"));
        foreach (var testCase in sample.Suite.TestCases)
            html.Should().Contain($"id=\"{WebUtility.HtmlEncode(testCase.Id)}\" data-status=\"{(testCase.Tags.Contains("wip") ? "notrun" : "")}",
                "every case is listed, and @wip cases are 'not run'");
        CaseStatuses(html).Should().HaveCount(sample.Suite.TestCases.Count);
        CaseStatuses(html).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["passed"] = sample.Ran.Count - 3,
            ["failed"] = 2,
            ["skipped"] = 1,
            ["notrun"] = 1,
        });
        html.Should().Contain("Not part of this run").And.Contain("<span class=\"tag\">@wip</span>");
    }

    [Fact]
    public async Task A_failure_shows_the_message_verbatim_and_lifts_out_the_freeze_command()
    {
        using var sample = await ChaosSampleRun.RunAsync();

        var html = sample.Read("html");

        html.Should().Contain($"<p class=\"freeze\">Freeze this case: <code>{ChaosSampleRun.FreezeCommand}</code></p>");
        html.Should().Contain("Chaos timeline:\n  +0.0 ms peer accept\n  +1.2 ms peer rst");
        html.Should().Contain("No matching step definition found for the step");
    }

    [Fact]
    public async Task Is_self_contained_with_filters_and_the_matrix()
    {
        using var sample = await ChaosSampleRun.RunAsync();

        var html = sample.Read("html");

        Regex.Matches(html, @"(src|href)=""(?!#)").Should().BeEmpty("nothing may be loaded from outside the file");
        html.Should().Contain("default-src 'none'");
        html.Should().Contain("id=\"tag-filter\"").And.Contain("<option value=\"smoke\">@smoke</option>");
        html.Should().Contain("data-status-filter value=\"notrun\"");
        html.Should().Contain("<section id=\"matrix\">");
        html.Should().MatchRegex("<th class=\"mutation\" scope=\"row\">the peer resets after 5 bytes</th><td class=\"cell failed\"");
    }

    private static IReadOnlyList<string> CaseStatuses(string html) =>
        [.. Regex.Matches(html, "<details class=\"case\" [^>]*data-status=\"(\\w+)\"").Select(m => m.Groups[1].Value)];
}
