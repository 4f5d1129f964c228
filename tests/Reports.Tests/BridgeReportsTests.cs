using System.Xml.Linq;

namespace ChaosFeatures.Reports.Tests;

/// <summary>The formatters as reqnroll.json turns them on, written by a real <c>dotnet test</c> run.</summary>
[Collection(ReportsCollection.Name)]
[Trait("Category", "reports")]
public sealed class BridgeReportsTests(ReportsFixtureRun fixture)
{
    [Fact]
    public void JUnit_counts_the_cases_that_ran()
    {
        var suite = XDocument.Load(fixture.Report("junit.xml")).Root!.Element("testsuite")!;

        ((int)suite.Attribute("tests")!).Should().Be(10, "9 combinations and the undefined step; the @wip case was filtered out");
        ((int)suite.Attribute("failures")!).Should().Be(4, "3 reset combinations and the undefined step");
    }

    [Fact]
    public void The_chaos_page_lists_the_case_the_filter_left_out_as_not_run()
    {
        var html = File.ReadAllText(fixture.Report("chaos-report.html"));

        html.Should().MatchRegex("data-status=\"notrun\"[^>]*>.*Upload to a peer that never reads");
        html.Should().Contain("Freeze this case: <code>dotnet run --project tools/freeze -- chaos-results/run/failures/case.json</code>");
    }
}
