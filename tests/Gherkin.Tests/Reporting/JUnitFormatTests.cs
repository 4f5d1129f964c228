using System.Xml.Linq;

namespace ChaosFeatures.Gherkin.Tests.Reporting;

public class JUnitFormatTests
{
    [Fact]
    public async Task One_suite_per_feature_with_a_testcase_per_case_that_ran_and_honest_counts()
    {
        using var sample = await ChaosSampleRun.RunAsync();

        var root = XDocument.Parse(sample.Read("junit")).Root!;

        root.Name.LocalName.Should().Be("testsuites");
        var suite = root.Elements("testsuite").Should().ContainSingle().Subject;
        suite.Attribute("name")!.Value.Should().Be("Slow peers");
        var cases = suite.Elements("testcase").ToList();
        cases.Select(c => c.Attribute("name")!.Value).Should().BeEquivalentTo(sample.Ran.Select(c => c.DisplayName));
        cases.Should().OnlyContain(c => c.Attribute("classname")!.Value == "Slow peers");
        // the reset combination and the undefined step fail; @ignore is skipped
        ((int)suite.Attribute("tests")!).Should().Be(sample.Ran.Count);
        ((int)suite.Attribute("failures")!).Should().Be(2);
        ((int)suite.Attribute("skipped")!).Should().Be(1);
        ((int)root.Attribute("failures")!).Should().Be(2);
        cases.Single(c => c.Element("skipped") is not null).Element("skipped")!.Attribute("message")!.Value.Should().Contain("@ignore");
    }

    [Fact]
    public async Task A_failure_carries_its_headline_and_the_full_text_with_timeline_and_freeze_command()
    {
        using var sample = await ChaosSampleRun.RunAsync();

        var failure = XDocument.Parse(sample.Read("junit")).Descendants("failure")
            .Single(f => f.Parent!.Attribute("name")!.Value.Contains("Download under transport faults"));

        failure.Attribute("message")!.Value.Should().StartWith("Step failed: Then the outcome is completed");
        failure.Value.Should().Contain("expected outcome completed but got reset").And.Contain("+1.2 ms peer rst")
            .And.Contain("Freeze: " + ChaosSampleRun.FreezeCommand);
    }
}
