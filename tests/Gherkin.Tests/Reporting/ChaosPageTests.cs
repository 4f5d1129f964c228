using System.Net;
using System.Text.RegularExpressions;

namespace ChaosFeatures.Gherkin.Tests.Reporting;

/// <summary>Our chaos page: every case of the suite (run or not), failures with the freeze command, filters and the matrix.</summary>
[Collection(Running.ReqnrollRuns.Name)]
public sealed class ChaosPageTests(SampleRunFixture fixture) : IClassFixture<SampleRunFixture>
{
    private ChaosSampleRun Sample => fixture.Sample;

    [Fact]
    public void Lists_every_case_of_the_suite_with_its_status_the_ones_that_ran_first()
    {
        var html = Sample.Read("chaos");

        foreach (var testCase in Sample.Suite.TestCases)
            html.Should().Contain($"id=\"{WebUtility.HtmlEncode(testCase.Id)}\" data-status=\"{(testCase.Tags.Contains("wip") ? "notrun" : "")}",
                "every case is listed, and @wip cases are 'not run'");
        var statuses = CaseStatuses(html);
        statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["passed"] = Sample.Ran.Count - 3,
            ["failed"] = 2,
            ["skipped"] = 1,
            ["notrun"] = 1,
        });
        statuses[^1].Should().Be("notrun", "cases that did not run come after those that did");
        html.Should().Contain("Not part of this run").And.Contain("<span class=\"tag\">@wip</span>");
    }

    [Fact]
    public void A_failure_shows_the_message_and_lifts_out_the_freeze_command()
    {
        var html = Sample.Read("chaos");

        html.Should().Contain($"<p class=\"freeze\">Freeze this case: <code>{ChaosSampleRun.FreezeCommand}</code></p>");
        html.Should().Contain("Chaos timeline:\n  +0.0 ms peer accept\n  +1.2 ms peer rst");
        html.Should().Contain("undefined step: Given a step nobody defined with &quot;text&quot; and 5");
    }

    [Fact]
    public void Is_self_contained_with_filters_and_the_matrix()
    {
        var html = Sample.Read("chaos");

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
