using System.Xml.Linq;

namespace ChaosFeatures.Gherkin.Tests.Reporting;

/// <summary>JUnit XML for CI, built from the run's Cucumber messages.</summary>
[Collection(Running.ReqnrollRuns.Name)]
public sealed class JUnitTests(SampleRunFixture fixture) : IClassFixture<SampleRunFixture>
{
    private ChaosSampleRun Sample => fixture.Sample;

    [Fact]
    public void One_suite_per_feature_with_a_testcase_per_case_that_ran_and_honest_counts()
    {
        var root = XDocument.Parse(Sample.Read("junit")).Root!;

        root.Name.LocalName.Should().Be("testsuites");
        var suite = root.Elements("testsuite").Should().ContainSingle().Subject;
        suite.Attribute("name")!.Value.Should().Be("Slow peers");
        var cases = suite.Elements("testcase").ToList();
        cases.Select(c => c.Attribute("name")!.Value).Should().BeEquivalentTo(Sample.Ran.Select(c => c.DisplayName));
        cases.Should().OnlyContain(c => c.Attribute("classname")!.Value == "Slow peers");
        // the reset combination and the undefined step fail; @ignore is skipped
        ((int)suite.Attribute("tests")!).Should().Be(Sample.Ran.Count);
        ((int)suite.Attribute("failures")!).Should().Be(2);
        ((int)suite.Attribute("skipped")!).Should().Be(1);
        ((int)root.Attribute("failures")!).Should().Be(2);
        cases.Single(c => c.Element("skipped") is not null).Element("skipped")!.Attribute("message")!.Value.Should().Contain("@ignore");
    }

    [Fact]
    public void A_failure_carries_its_headline_and_the_full_text_with_timeline_and_freeze_command()
    {
        var failure = XDocument.Parse(Sample.Read("junit")).Descendants("failure")
            .Single(f => f.Parent!.Attribute("name")!.Value.Contains("Download under transport faults"));

        failure.Attribute("message")!.Value.Should().StartWith("failed step: Then the outcome is completed (line 12)");
        failure.Value.Should().Contain("expected outcome completed but got reset").And.Contain("+1.2 ms peer rst")
            .And.Contain("Freeze: " + ChaosSampleRun.FreezeCommand);
    }

    [Fact]
    public void Case_names_say_in_words_which_rows_they_took()
    {
        var names = XDocument.Parse(Sample.Read("junit")).Descendants("testcase").Select(c => c.Attribute("name")!.Value).ToList();

        names.Should().Contain("Slow peers: Download under transport faults [o1: the peer resets after 5 bytes]");
        names.Should().Contain("Slow peers: Faults crossed with logic [completed / o1-a0.1: the peer never reads; the client cancels from a killer task + the client reads byte by byte]");
    }
}
