using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Tests.Parsing;

public class FeatureParsingTests
{
    [Fact]
    public void A_syntax_error_names_file_line_column_and_every_parser_message()
    {
        var errors = TempRepo.LoadErrors("""
            Feature: Broken
              Scenario: s
                Given a step
              this is not gherkin
              neither is this
            """);

        errors.Select(e => (e.FeaturePath, e.Line, e.Column)).Should().Equal(
            ("features/test.feature", 4, 3), ("features/test.feature", 5, 3));
        errors[0].Message.Should().StartWith("expected:").And.Contain("got 'this is not gherkin'");
        errors[0].ToString().Should().StartWith("features/test.feature(4,3): expected:");
    }

    [Theory]
    [InlineData("Rule: transport faults", "`Rule:` is not supported")]
    [InlineData("Example: one download", "`Example:` is not supported")]
    public void Keywords_gherkin_5_would_swallow_are_rejected_with_their_line(string line, string message)
    {
        var errors = TempRepo.LoadErrors($"""
            Feature: Newer keywords

              {line}
                Given a step
            """);

        errors.Should().ContainSingle().Which.Should().Match<FeatureLoadError>(e =>
            e.Line == 3 && e.Column == 3 && e.Message.Contains(message) && e.FeaturePath == "features/test.feature");
    }

    [Fact]
    public void Example_advice_points_to_scenario()
    {
        TempRepo.LoadErrors("Feature: f\n  Scenario: s\n    Given a\n  Example: e\n    Given b\n")
            .Should().ContainSingle().Which.Message.Should().Contain("use `Scenario:`");
    }

    [Fact]
    public void Rule_and_example_inside_doc_strings_are_just_text()
    {
        var suite = TempRepo.LoadClean(""""
            Feature: Doc strings
              Scenario: s
                Given the peer sends
                  ```
                  Rule: not a keyword here
                  Example: nor here
                  ```
                And the body
                  """
                  Example: x
                  """
            """");

        suite.TestCases.Should().ContainSingle().Which.Steps.Select(s => s.Argument).Should().Equal(
            new DocStringArgument("Rule: not a keyword here\nExample: nor here", null),
            new DocStringArgument("Example: x", null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void A_file_without_a_feature_is_an_error(string text)
    {
        TempRepo.LoadErrors(text).Should().ContainSingle().Which.Message.Should().Contain("no `Feature:`");
    }

    [Fact]
    public void Feature_descriptor_carries_title_description_tags_and_language()
    {
        var suite = TempRepo.LoadClean("@io @slow\nFeature: Downloads\n  Peers misbehave.\n\n  Scenario: s\n    Given a\n");

        var feature = suite.Features.Should().ContainSingle().Subject;
        feature.Should().BeEquivalentTo(new { Path = "features/test.feature", Title = "Downloads", Description = "Peers misbehave.", Language = "en" });
        feature.Tags.Should().Equal("io", "slow");
        feature.FullPath.Should().EndWith(Path.Combine("features", "test.feature"));
        suite.Sources["features/test.feature"].Should().Contain("Peers misbehave.");
        suite.Documents["features/test.feature"].Feature.Name.Should().Be("Downloads");
    }

    [Fact]
    public void A_language_header_wins_over_the_configured_language_and_keywords_resolve_in_it()
    {
        var suite = TempRepo.LoadClean("# language: de\nFunktionalität: F\n  Szenario: s\n    Angenommen a\n    Und b\n    Wenn c\n    Dann d\n");

        suite.TestCases.Single().Steps.Select(s => s.KeywordType).Should().Equal(
            StepKeywordType.Given, StepKeywordType.Given, StepKeywordType.When, StepKeywordType.Then);
        suite.Features.Single().Language.Should().Be("de");
    }

    [Fact]
    public void The_configured_language_applies_to_files_without_a_header()
    {
        var suite = TempRepo.LoadClean("Funktionalität: F\n  Szenario: s\n    Angenommen a\n",
            ExpansionOptions.Default with { FeatureLanguage = "de-DE" });

        suite.TestCases.Should().ContainSingle().Which.ScenarioName.Should().Be("s");
    }
}
