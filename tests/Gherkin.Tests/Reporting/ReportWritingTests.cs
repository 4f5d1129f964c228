namespace ChaosFeatures.Gherkin.Tests.Reporting;

/// <summary>Where reports go and how they are written: under the suite root, whole, and a failed write fails the run.</summary>
[Collection(Running.ReqnrollRuns.Name)]
public sealed class ReportWritingTests
{
    [Fact]
    public async Task Reports_go_under_the_suite_root_whatever_the_working_directory()
    {
        using var sample = await ChaosSampleRun.RunAsync();

        foreach (var formatter in ChaosSampleRun.Paths.Keys)
            File.Exists(sample.PathOf(formatter)).Should().BeTrue($"the {formatter} report is written under the suite root");
        Directory.GetCurrentDirectory().Should().NotStartWith(sample.Root);
        sample.Results.RunProblems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_fails_the_run_while_the_others_are_still_written()
    {
        using var sample = await ChaosSampleRun.RunAsync(root => Directory.CreateDirectory(Path.Combine(root, ChaosSampleRun.Paths["junit"])));

        sample.Results.RunProblems.Should().ContainSingle().Which.Should().Contain("junit").And.Contain("junit.xml");
        File.Exists(sample.PathOf("message")).Should().BeTrue();
        File.Exists(sample.PathOf("chaos")).Should().BeTrue();
        Directory.GetFiles(sample.Root, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("a failed write leaves no temp file behind");
    }

    [Fact]
    public async Task Reports_are_replaced_whole_and_no_temp_files_remain()
    {
        using var sample = await ChaosSampleRun.RunAsync(root =>
        {
            var junit = Path.Combine(root, ChaosSampleRun.Paths["junit"]);
            var messages = Path.Combine(root, ChaosSampleRun.Paths["message"]);
            Directory.CreateDirectory(Path.GetDirectoryName(junit)!);
            File.WriteAllText(junit, "stale report from an older run, longer than nothing");
            File.WriteAllText(messages, "stale");
        });

        sample.Results.RunProblems.Should().BeEmpty();
        sample.Read("junit").Should().StartWith("<?xml").And.NotContain("stale");
        sample.Read("message").Should().StartWith("{\"testRunStarted\"").And.NotContain("stale");
        Directory.GetFiles(sample.Root, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }
}
