using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Sharding;
using ChaosFeatures.Gherkin.Suite;
using ChaosFeatures.Gherkin.Tests.Parsing;

namespace ChaosFeatures.Gherkin.Tests.Sharding;

public class ShardTests
{
    [Theory]
    [InlineData("1/3", 1, 3)]
    [InlineData(" 3/3 ", 3, 3)]
    [InlineData("1/1", 1, 1)]
    public void Reads_k_of_N(string value, int index, int count)
    {
        var shard = Shard.Parse(value);

        (shard.Index, shard.Count).Should().Be((index, count));
        shard.ToString().Should().Be($"{index}/{count}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Unset_is_the_whole_suite(string? value) => Shard.Parse(value).Should().Be(Shard.All);

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("x")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("1/3/3")]
    [InlineData("1 / 3")]
    [InlineData("2")]
    public void A_bad_value_is_one_line_naming_the_variable_and_the_accepted_form(string value)
    {
        var parse = () => Shard.Parse(value);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should()
            .Be($"CHAOS_SHARD='{value}' is invalid; accepted: k/N with whole numbers 1 <= k <= N, e.g. 2/3 (unset: every case)");
    }

    [Fact]
    public void Three_shards_of_the_io_scenarios_hold_exactly_the_cases_of_the_whole_suite_once_each()
    {
        var suite = FeatureSuite.Load(RepoRoot(), ["features/io"], ExpansionOptions.Default);
        var all = suite.TestCases.Select(c => c.Id).ToList();

        var shards = Enumerable.Range(1, 3).Select(k => Shard.Parse($"{k}/3")).Select(s => all.Where(s.Holds).ToList()).ToList();

        all.Should().HaveCountGreaterThan(100).And.OnlyHaveUniqueItems();
        shards.SelectMany(s => s).Should().BeEquivalentTo(all).And.OnlyHaveUniqueItems();
        shards.Should().OnlyContain(s => s.Count > all.Count / 5, "a hash spreads the cases roughly evenly");
    }

    [Fact]
    public void A_case_keeps_its_shard_when_unrelated_scenarios_and_features_are_added()
    {
        const string feature = "Feature: F\n  Scenario: kept\n    Given one of:\n      | a |\n      | b |\n      | c |\n    When any of:\n      | d |\n      | e |\n";
        using var before = new TempRepo().Write("features/f.feature", feature);
        using var after = new TempRepo().Write("features/f.feature", feature + "\n  Scenario: added\n    Given one of:\n      | x |\n      | y |\n")
            .Write("features/e.feature", "Feature: E\n  Scenario: new\n    Given a step\n");

        var shardOf = (FeatureSuite suite) => suite.TestCases.Where(c => c.ScenarioName == "kept")
            .Select(c => (c.Id, Enumerable.Range(1, 5).Single(k => Shard.Parse($"{k}/5").Holds(c.Id)))).ToList();

        shardOf(before.Load()).Should().HaveCount(12).And.Equal(shardOf(after.Load()));
    }

    [Fact]
    public void A_feature_error_belongs_to_exactly_one_shard()
    {
        foreach (var path in new[] { "features/a.feature", "features/io/broken.feature", "features/x/y/z.feature" })
            Enumerable.Range(1, 4).Count(k => Shard.Parse($"{k}/4").HoldsFeatureError(path)).Should().Be(1);
        Shard.All.HoldsFeatureError("features/a.feature").Should().BeTrue();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChaosFeatures.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ChaosFeatures.sln not found above " + AppContext.BaseDirectory);
    }
}
