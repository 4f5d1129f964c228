using ChaosFeatures.Merge.Tests.Support;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Merge.Tests.Cli;

/// <summary>Bad arguments and unusable artifacts: exit 2, one line on stderr naming what is wrong, nothing written.</summary>
public sealed class MergeInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Out => _temp.Combine("out");

    [Theory]
    [InlineData("no job folders given: merge <job-folder>...")]
    public async Task No_job_folder(string expected) => await ExpectBadInputAsync(expected, "--out", Out);

    [Fact]
    public async Task No_out_folder()
    {
        JobFolderWriter.Manifest(_temp.Combine("a"), "1/1");
        await ExpectBadInputAsync("--out DIR is required", _temp.Combine("a"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("367")]
    public async Task Nights_out_of_range(string nights)
    {
        JobFolderWriter.Manifest(_temp.Combine("a"), "1/1");
        await ExpectBadInputAsync($"--nights must be from 1 to 366, got {nights}", _temp.Combine("a"), "--out", Out, "--nights", nights);
    }

    [Fact]
    public async Task An_unknown_option_is_not_taken_for_a_job_folder() =>
        await ExpectBadInputAsync("'--bogus' is not a folder", "--bogus", "--out", Out);

    [Fact]
    public async Task A_folder_that_is_not_there() =>
        await ExpectBadInputAsync("is not a folder", _temp.Combine("missing"), "--out", Out);

    [Fact]
    public async Task A_folder_without_jobs()
    {
        Directory.CreateDirectory(_temp.Combine("empty", "sub"));
        await ExpectBadInputAsync("holds no job.json, nor do its subfolders", _temp.Combine("empty"), "--out", Out);
    }

    [Theory]
    [InlineData("4/3", "'shard': CHAOS_SHARD='4/3' is invalid")]
    [InlineData("x", "'shard': CHAOS_SHARD='x' is invalid")]
    public async Task A_manifest_with_a_bad_shard(string shard, string expected)
    {
        JobFolderWriter.Manifest(_temp.Combine("a"), shard);
        await ExpectBadInputAsync(expected, _temp.Combine("a"), "--out", Out);
    }

    [Fact]
    public async Task A_manifest_with_a_bad_scheduler()
    {
        JobFolderWriter.Manifest(_temp.Combine("a"), "1/1", scheduler: "lifo");
        await ExpectBadInputAsync("'scheduler' must be fifo, random:SEED or pct:SEED:DEPTH, got 'lifo'", _temp.Combine("a"), "--out", Out);
    }

    [Fact]
    public async Task A_manifest_with_a_negative_gen_seed()
    {
        Directory.CreateDirectory(_temp.Combine("a"));
        File.WriteAllText(_temp.Combine("a", "job.json"), "{\"version\":1,\"shard\":\"1/1\",\"genSeed\":-1,\"scheduler\":\"fifo\",\"iterations\":1,\"runId\":\"r\",\"exitCode\":0}");
        await ExpectBadInputAsync("'genSeed' must be a whole number from 0..18446744073709551615", _temp.Combine("a"), "--out", Out);
    }

    [Fact]
    public void A_manifest_holds_any_seed_a_job_can_run() // CHAOS_GEN_SEED's range, past 2^63 too
    {
        JobFolderWriter.Manifest(_temp.Combine("a"), "1/1", genSeed: ulong.MaxValue);
        ChaosFeatures.Merge.Jobs.JobManifest.Read(_temp.Combine("a", "job.json")).GenSeed.Should().Be(ulong.MaxValue);
    }

    [Fact]
    public async Task A_manifest_that_is_not_json()
    {
        Directory.CreateDirectory(_temp.Combine("a"));
        File.WriteAllText(_temp.Combine("a", "job.json"), "{ nope");
        await ExpectBadInputAsync("not a readable job manifest", _temp.Combine("a"), "--out", Out);
    }

    [Fact]
    public async Task The_same_job_twice()
    {
        JobFolderWriter.Manifest(_temp.Combine("a"), "1/2");
        JobFolderWriter.Manifest(_temp.Combine("b"), "1/2");
        await ExpectBadInputAsync("job gen1-fifo-s1of2 is given twice", _temp.Combine("a"), _temp.Combine("b"), "--out", Out);
    }

    [Fact]
    public async Task Jobs_of_different_splits()
    {
        JobFolderWriter.Manifest(_temp.Combine("a"), "1/2");
        JobFolderWriter.Manifest(_temp.Combine("b"), "1/3");
        await ExpectBadInputAsync("the jobs split the suite in different ways (2 shards, 3 shards)", _temp.Path, "--out", Out);
    }

    [Fact]
    public async Task A_stream_line_that_is_not_a_message_names_its_file_and_line_and_leaves_nothing()
    {
        JobFolderWriter.Manifest(_temp.Combine("a"), "1/1");
        Directory.CreateDirectory(_temp.Combine("a", "reports"));
        File.WriteAllLines(_temp.Combine("a", "reports", "cucumber-messages.ndjson"), ["{\"meta\":{}}", "garbage"]);
        Directory.CreateDirectory(Out);

        await ExpectBadInputAsync($"{_temp.Combine("a", "reports", "cucumber-messages.ndjson")}:", _temp.Combine("a"), "--out", Out);
        Directory.GetFileSystemEntries(Out).Should().BeEmpty("staged outputs are removed");
    }

    [Fact]
    public async Task A_previous_summary_that_is_not_one()
    {
        JobFolderWriter.Manifest(_temp.Combine("a"), "1/1");
        File.WriteAllText(_temp.Combine("prev.json"), "{\"version\": 9}");
        await ExpectBadInputAsync("not a merge summary of version 1", _temp.Combine("a"), "--out", Out, "--previous", _temp.Combine("prev.json"));
    }

    private async Task ExpectBadInputAsync(string expected, params string[] args)
    {
        var run = await MergeInvocation.RunAsync(_temp.Path, args);

        run.ExitCode.Should().Be(2, run.Output + run.Error);
        run.Error.Should().StartWith("merge: ").And.Contain(expected);
        run.Error.TrimEnd().Should().NotContain("\n", "one line");
        run.Output.Should().BeEmpty();
        if (Directory.Exists(Out)) Directory.GetFileSystemEntries(Out).Should().BeEmpty();
    }

    [Fact]
    public async Task Jobs_that_ran_different_feature_texts_leave_no_output_folder_behind()
    {
        foreach (var (name, text) in new[] { ("a", "Feature: one"), ("b", "Feature: two") })
        {
            JobFolderWriter.Manifest(_temp.Combine(name), "1/1", scheduler: name == "a" ? "fifo" : "random:1");
            Directory.CreateDirectory(_temp.Combine(name, "reports"));
            File.WriteAllLines(_temp.Combine(name, "reports", "cucumber-messages.ndjson"),
                [$"{{\"source\":{{\"uri\":\"features/x.feature\",\"data\":\"{text}\",\"mediaType\":\"text/x.cucumber.gherkin+plain\"}}}}"]);
        }

        await ExpectBadInputAsync("ran different texts of features/x.feature: merge the jobs of one commit", _temp.Combine("a"), _temp.Combine("b"), "--out", Out);
        Directory.Exists(Out).Should().BeFalse();
    }

    public void Dispose() => _temp.Dispose();
}
