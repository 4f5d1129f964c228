using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Tests.Parsing;

namespace ChaosFeatures.Gherkin.Tests.Expansion;

public class CapTests
{
    // An any-of block of 20 rows: 2^20 combinations, far too many to enumerate per load.
    private static string Huge(string tags = "", string name = "huge") => "Feature: F\n" + HugeScenario(tags, name);

    private static string HugeScenario(string tags, string name) =>
        $"  {tags}\n  Scenario: {name}\n    Given any of:\n"
        + string.Concat(Enumerable.Range(0, 20).Select(i => $"      | step {i} |\n"));

    [Fact]
    public void More_combinations_than_the_cap_yields_exactly_the_cap_and_the_same_set_every_load()
    {
        var first = TempRepo.LoadClean(Huge()).TestCases.Select(c => c.Id).ToList();
        var second = TempRepo.LoadClean(Huge()).TestCases.Select(c => c.Id).ToList();

        first.Should().HaveCount(20).And.OnlyHaveUniqueItems().And.Equal(second);
    }

    [Fact]
    public void Sampled_combinations_come_out_in_ascending_combination_order()
    {
        var masks = TempRepo.LoadClean(Huge()).TestCases
            .Select(c => c.Mutations.Single().ChosenRows.Sum(row => 1L << row)).ToList();

        masks.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_sample_depends_on_the_scenario_identity()
    {
        var codes = (string name) => TempRepo.LoadClean(Huge(name: name)).TestCases.Select(c => c.MutationCode).ToList();

        codes("huge").Should().NotEqual(codes("other name"));
    }

    [Theory]
    [InlineData("@chaos-max:5", 5)]
    [InlineData("@chaos-max:1", 1)]
    [InlineData("@chaos-max:200", 200)]
    public void A_scenario_tag_sets_the_cap(string tag, int expected)
    {
        TempRepo.LoadClean(Huge(tag)).TestCases.Should().HaveCount(expected);
    }

    [Fact]
    public void A_feature_tag_sets_the_cap_and_a_scenario_tag_overrides_it()
    {
        var text = "@chaos-max:3\n" + Huge() + HugeScenario("@chaos-max:7", "second");

        var cases = TempRepo.LoadClean(text).TestCases;

        cases.Count(c => c.ScenarioName == "huge").Should().Be(3);
        cases.Count(c => c.ScenarioName == "second").Should().Be(7);
    }

    [Theory]
    [InlineData("@chaos-max:0")]
    [InlineData("@chaos-max:-2")]
    [InlineData("@chaos-max:many")]
    [InlineData("@chaos-max")]
    public void An_invalid_cap_tag_is_an_error_at_its_line(string tag)
    {
        TempRepo.LoadErrors(Huge(tag)).Should().ContainSingle().Which.Should().Match<FeatureLoadError>(e =>
            e.Line == 2 && e.Message.Contains(tag) && e.Message.Contains("N >= 1"));
    }

    [Fact]
    public void Options_set_the_default_cap_and_the_fuzz_build_can_make_them_beat_tags()
    {
        var wider = ExpansionOptions.Default with { MaxCombinations = 50 };

        TempRepo.LoadClean(Huge(), wider).TestCases.Should().HaveCount(50);
        TempRepo.LoadClean(Huge("@chaos-max:5"), wider).TestCases.Should().HaveCount(5);
        TempRepo.LoadClean(Huge("@chaos-max:5"), wider with { CapFromOptionsOverridesTags = true }).TestCases.Should().HaveCount(50);
    }

    [Fact]
    public void A_sampling_seed_picks_a_different_but_reproducible_set()
    {
        var codes = (ExpansionOptions o) => TempRepo.LoadClean(Huge(), o).TestCases.Select(c => c.MutationCode).ToList();
        var seeded = ExpansionOptions.Default with { SamplingSeed = 7 };

        codes(seeded).Should().Equal(codes(seeded)).And.NotEqual(codes(ExpansionOptions.Default));
    }

    [Fact]
    public void Blocks_multiplying_beyond_64_bits_are_still_sampled()
    {
        var rows = string.Concat(Enumerable.Range(0, 40).Select(i => $"      | s{i} |\n"));
        var text = $"Feature: F\n  Scenario: s\n    Given any of:\n{rows}    When any of:\n{rows}";

        var cases = TempRepo.LoadClean(text).TestCases;

        cases.Should().HaveCount(20);
        cases.Select(c => c.MutationCode).Should().OnlyHaveUniqueItems();
    }
}
