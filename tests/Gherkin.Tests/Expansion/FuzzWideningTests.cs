using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Tests.Parsing;

namespace ChaosFeatures.Gherkin.Tests.Expansion;

/// <summary>The _FUZZ build's wider net (<see cref="ExpansionOptions.Widen"/>), tested in every build.</summary>
public class FuzzWideningTests
{
    // any-of of 6 rows: 64 combinations, capped by its tag to 3 in per-PR builds.
    private const string Capped = "Feature: F\n  @chaos-max:3\n  Scenario: wide\n    Given any of:\n"
        + "      | a |\n      | b |\n      | c |\n      | d |\n      | e |\n      | f |\n";

    [Fact]
    public void Without_CHAOS_MAX_the_cap_is_200_and_beats_the_tag()
    {
        var options = ExpansionOptions.Default.Widen(null);

        options.MaxCombinations.Should().Be(ExpansionOptions.FuzzMaxCombinations);
        TempRepo.LoadClean(Capped, ExpansionOptions.Default).TestCases.Should().HaveCount(3);
        TempRepo.LoadClean(Capped, options).TestCases.Should().HaveCount(64);
    }

    [Fact]
    public void CHAOS_MAX_sets_the_cap()
    {
        TempRepo.LoadClean(Capped, ExpansionOptions.Default.Widen("10")).TestCases.Should().HaveCount(10);
    }

    [Fact]
    public void The_sample_follows_the_generation_seed()
    {
        List<string?> Sample(ulong gen) => TempRepo.LoadClean(Capped, (ExpansionOptions.Default with { GenerationSeed = gen }).Widen("10"))
            .TestCases.Select(c => c.MutationCode).ToList();

        Sample(7).Should().Equal(Sample(7));
        Sample(7).Should().NotEqual(Sample(8));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("lots")]
    public void A_bad_CHAOS_MAX_is_one_clear_error(string value)
    {
        var widen = () => ExpansionOptions.Default.Widen(value);

        widen.Should().Throw<ConfigurationException>().WithMessage("CHAOS_MAX must be *");
    }
}
