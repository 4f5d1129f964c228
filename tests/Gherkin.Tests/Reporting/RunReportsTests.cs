using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Reporting;

namespace ChaosFeatures.Gherkin.Tests.Reporting;

public class RunReportsTests
{
    [Fact]
    public void Targets_follow_the_formatters_section_relative_to_the_suite_root_with_defaults()
    {
        var targets = ReportFormats.Targets(new Dictionary<string, string?> { ["junit"] = null, ["html"] = "/abs/r.html" }, "/suite");

        targets.Select(t => (t.Format.Name, t.OutputPath)).Should().Equal(("junit", "/suite/reports/junit.xml"), ("html", "/abs/r.html"));
    }

    [Fact]
    public void An_unknown_formatter_is_a_configuration_error_naming_the_known_ones()
    {
        var act = () => ReportFormats.Targets(new Dictionary<string, string?> { ["pretty"] = null }, "/suite");

        act.Should().Throw<ConfigurationException>().WithMessage("*formatters.pretty*message, junit, html*");
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_is_reported_while_the_others_are_still_written()
    {
        using var sample = await ChaosSampleRun.RunAsync(s => Directory.CreateDirectory(s.PathOf("junit")));

        var act = sample.Reports.ThrowIfFailed;

        act.Should().Throw<IOException>().WithMessage("*'junit'*junit.xml*");
        File.Exists(sample.PathOf("message")).Should().BeTrue();
        File.Exists(sample.PathOf("html")).Should().BeTrue();
        Directory.GetFiles(Path.GetDirectoryName(sample.PathOf("junit"))!, "*.tmp").Should().BeEmpty("a failed write leaves no temp file behind");
    }

    [Fact]
    public async Task Reports_are_replaced_whole_and_no_temp_files_remain()
    {
        using var sample = await ChaosSampleRun.RunAsync(s =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(s.PathOf("junit"))!);
            File.WriteAllText(s.PathOf("junit"), "stale report from an older run, longer than nothing");
        });

        sample.Reports.ThrowIfFailed();
        sample.Read("junit").Should().StartWith("<?xml").And.NotContain("stale");
        Directory.GetFiles(sample.Root, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }
}
