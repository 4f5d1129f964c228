namespace ChaosFeatures.Gherkin.Xunit.Tests;

/// <summary><c>CHAOS_SHARD=k/N</c> as a CI matrix uses it: listing and running through the real <c>dotnet test</c>.</summary>
[Collection(BridgeFixtureCollection.Name)]
public sealed class ShardingEndToEndTests(BridgeFixtureSuite fixture)
{
    [Fact]
    public async Task Three_shards_list_exactly_the_tests_of_the_unsharded_run_once_each()
    {
        var whole = await ListAsync(null);
        var shards = new List<IReadOnlyList<string>>();
        foreach (var k in new[] { 1, 2, 3 })
            shards.Add(await ListAsync($"{k}/3"));

        whole.Should().HaveCountGreaterThan(20).And.OnlyHaveUniqueItems();
        shards.SelectMany(s => s).Should().BeEquivalentTo(whole).And.OnlyHaveUniqueItems();
        shards.Should().OnlyContain(s => s.Count > 0);
        shards.Count(s => s.Any(n => n.StartsWith("Feature error: features/malformed.feature"))).Should().Be(1, "a feature error goes to one shard");
    }

    [Fact]
    public async Task A_shard_runs_only_its_listed_cases()
    {
        var listed = await ListAsync("2/3");

        var (_, results) = await fixture.TestAsync(new Dictionary<string, string> { ["CHAOS_SHARD"] = "2/3" }, "--filter", "Category=good");

        results.Select(r => r.Name).Should().NotBeEmpty().And.BeSubsetOf(listed);
        results.Select(r => r.Name).Should().BeEquivalentTo(listed.Where(n => n.StartsWith("Good: ")));
    }

    // Every bad form is covered by the parser's tests; here one of them goes through the whole bridge.
    [Theory]
    [InlineData("4/3")]
    public async Task A_bad_CHAOS_SHARD_fails_the_run_with_one_line_even_under_a_filter(string value)
    {
        var (run, results) = await fixture.TestAsync(new Dictionary<string, string> { ["CHAOS_SHARD"] = value }, "--filter", "Category=good");

        run.ExitCode.Should().NotBe(0);
        results.Should().ContainSingle().Which.Should().Match<TrxResult>(r => r.Outcome == "Failed"
            && r.Message.Contains($"suite: CHAOS_SHARD='{value}' is invalid; accepted: k/N with whole numbers 1 <= k <= N, e.g. 2/3 (unset: every case)")
            && !r.Message.Trim().Contains('\n'));
    }

    private async Task<IReadOnlyList<string>> ListAsync(string? shard)
    {
        var environment = shard is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["CHAOS_SHARD"] = shard };
        var list = await DotnetCli.RunAsync(fixture.ProjectDirectory, BridgeFixtureSuite.Bound, environment, "test", "--no-build", "--list-tests");
        list.ExitCode.Should().Be(0, list.Output);
        // The names follow the "The following Tests are available:" line, indented.
        return list.Output.Split('\n').SkipWhile(l => !l.Contains("The following Tests are available")).Skip(1)
            .Where(l => l.StartsWith("    ")).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }
}
