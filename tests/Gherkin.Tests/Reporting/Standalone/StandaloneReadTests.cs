using ChaosFeatures.Gherkin.Reporting.Results;
using ChaosFeatures.Gherkin.Reporting.Standalone;

namespace ChaosFeatures.Gherkin.Tests.Reporting.Standalone;

/// <summary>A run's Cucumber messages read without its features (a merged nightly stream): the cases come back as the suite has them.</summary>
[Collection(Running.ReqnrollRuns.Name)]
public sealed class StandaloneReadTests(SampleRunFixture fixture) : IClassFixture<SampleRunFixture>
{
    private ChaosSampleRun Sample => fixture.Sample;

    [Fact]
    public void Cases_rebuilt_from_the_pickles_match_the_suite_in_id_name_scenario_and_steps()
    {
        var fromSuite = MessageRun.Read(Sample.PathOf("message"), Sample.Suite).Outcomes();
        var alone = MessageRun.Read(Sample.PathOf("message"), null).Outcomes();

        alone.Select(o => (o.Case.Id, o.Case.DisplayName, o.Case.Feature.Path, o.Case.Feature.Title, o.Case.ScenarioLine, o.Status, o.Attempts))
            .Should().Equal(fromSuite.Select(o => (o.Case.Id, o.Case.DisplayName, o.Case.Feature.Path, o.Case.Feature.Title, o.Case.ScenarioLine, o.Status, o.Attempts)));
        foreach (var (read, expected) in alone.Zip(fromSuite))
        {
            read.Case.Tags.Should().Equal(expected.Case.Tags);
            read.Case.Steps.Select(s => (s.Keyword, s.KeywordType, s.Text, s.Line, s.MutationBlockLine))
                .Should().Equal(expected.Case.Steps.Select(s => (s.Keyword, s.KeywordType, s.Text, s.Line, s.MutationBlockLine)));
            read.Case.Steps.Where(s => s.MutationBlockLine is not null).Select(s => s.SourceText)
                .Should().Equal(expected.Case.Steps.Where(s => s.MutationBlockLine is not null).Select(s => s.SourceText), "the matrix labels rows as written");
        }
    }

    [Fact]
    public void The_public_report_counts_attempts_and_renders_junit_and_the_chaos_page_with_a_trend()
    {
        var report = MessageReport.Read(Sample.PathOf("message"));
        using var junit = new MemoryStream();
        using var page = new MemoryStream();

        report.WriteJUnit(junit);
        report.WriteChaosPage(page, [new ScenarioTrend("features/x.feature:7", "Download under transport faults", 0.5, ["passed", "failed"], true, false, false)]);

        report.Cases.Should().HaveCount(Sample.Ran.Count).And.Contain(c => c.Status == "failed" && c.FailedAttempts == 1 && c.Attempts == 1);
        System.Text.Encoding.UTF8.GetString(junit.ToArray()).Should().Contain("<testsuites").And.Contain("Download under transport faults");
        System.Text.Encoding.UTF8.GetString(page.ToArray()).Should().Contain("id=\"trend\"").And.Contain("newly failed").And.Contain("50 %");
    }

    [Fact]
    public void A_line_that_is_not_a_message_is_named_by_file_and_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, [File.ReadLines(Sample.PathOf("message")).First(), "", "not json"]);
            var read = () => MessageReport.Read(path);
            read.Should().Throw<InvalidDataException>().Which.Message.Should().StartWith($"{path}:3: not a Cucumber message");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
