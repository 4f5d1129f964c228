using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Expansion;

namespace ChaosFeatures.Gherkin.Tests.Expansion;

public class ExpansionOptionsTests
{
    [Fact]
    public void Defaults_are_cap_20_seed_1_and_en_US()
    {
        ExpansionOptions.Default.Should().BeEquivalentTo(new
        {
            MaxCombinations = 20, GenerationSeed = 1UL, FeatureLanguage = "en-US",
            CapFromOptionsOverridesTags = false, SamplingSeed = (ulong?)null,
        });
    }

    [Fact]
    public void The_environment_seed_and_the_configuration_are_applied()
    {
        var configuration = SuiteConfiguration.Default with
        {
            FeatureLanguage = "de", Chaos = ChaosSettings.Default with { MaxCombinations = 7 },
        };

        var options = ExpansionOptions.FromEnvironment(configuration, "424242");

        options.Should().BeEquivalentTo(new { GenerationSeed = 424242UL, MaxCombinations = 7, FeatureLanguage = "de" });
        ExpansionOptions.FromEnvironment(null, null).Should().Be(ExpansionOptions.Default);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("seed")]
    [InlineData("1.5")]
    [InlineData("18446744073709551616")]
    [InlineData(" 42 ")]
    public void An_invalid_seed_is_the_one_message_naming_the_variable_and_the_range(string value)
    {
        var load = () => ExpansionOptions.FromEnvironment(null, value);

        load.Should().Throw<ConfigurationException>()
            .Which.Message.Should().Be($"CHAOS_GEN_SEED='{value}' is invalid; accepted: a non-negative integer (0..18446744073709551615), default 1");
    }

    [Theory]
    [InlineData("9223372036854775808", 9223372036854775808UL)] // 2^63: the step library takes it, so expansion must too
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void Seeds_past_long_are_accepted(string value, ulong expected) =>
        ExpansionOptions.FromEnvironment(null, value).GenerationSeed.Should().Be(expected);

    [Fact]
    public void A_cap_below_one_is_refused_where_it_enters()
    {
        var build = () => ExpansionOptions.Default with { MaxCombinations = 0 };

        build.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("MaxCombinations");
    }
}
