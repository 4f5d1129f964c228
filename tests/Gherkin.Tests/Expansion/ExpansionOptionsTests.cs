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
            MaxCombinations = 20, GenerationSeed = 1L, FeatureLanguage = "en-US",
            CapFromOptionsOverridesTags = false, SamplingSeed = (long?)null,
        });
    }

    [Fact]
    public void The_environment_seed_and_the_configuration_are_applied()
    {
        var configuration = SuiteConfiguration.Default with
        {
            FeatureLanguage = "de", Chaos = ChaosSettings.Default with { MaxCombinations = 7 },
        };

        var options = ExpansionOptions.FromEnvironment(configuration, " 424242 ");

        options.Should().BeEquivalentTo(new { GenerationSeed = 424242L, MaxCombinations = 7, FeatureLanguage = "de" });
        ExpansionOptions.FromEnvironment(null, null).Should().Be(ExpansionOptions.Default);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("seed")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void An_invalid_seed_names_the_variable_and_the_accepted_form(string value)
    {
        var load = () => ExpansionOptions.FromEnvironment(null, value);

        load.Should().Throw<ConfigurationException>()
            .Which.Message.Should().Contain("CHAOS_GEN_SEED").And.Contain("non-negative integer").And.Contain(value).And.NotContain("\n");
    }

    [Fact]
    public void A_cap_below_one_is_refused_where_it_enters()
    {
        var build = () => ExpansionOptions.Default with { MaxCombinations = 0 };

        build.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("MaxCombinations");
    }
}
