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

    [Fact]
    public void Example_is_a_scenario()
    {
        var suite = TempRepo.LoadClean("Feature: f\n  Example: one download\n    Given a\n");

        suite.TestCases.Should().ContainSingle().Which.Should().Match<TestCase>(c => c.ScenarioName == "one download" && c.ScenarioLine == 2);
    }

    [Fact]
    public void A_rule_runs_its_scenarios_after_the_feature_background_and_its_own_with_its_tags_inherited()
    {
        var suite = TempRepo.LoadClean("""
            @io
            Feature: Rules
              Background:
                Given the feature background

              Scenario: before the rule
                Given a

              @transport
              Rule: transport faults
                A rule's description.

                Background:
                  Given the rule background

                @slow
                Scenario: under the rule
                  Given b

              Rule: another rule
                Scenario: in the second rule
                  Given c
            """);

        suite.TestCases.Select(c => c.ScenarioName).Should().Equal("before the rule", "under the rule", "in the second rule");
        var ruled = suite.TestCases[1];
        ruled.Steps.Select(s => s.Text).Should().Equal("the feature background", "the rule background", "b");
        ruled.Tags.Should().Equal("io", "transport", "slow");
        ruled.InheritedTags.Should().Equal("io", "transport");
        ruled.OwnTags.Should().Equal("slow");
        ruled.Rule.Should().BeEquivalentTo(new { Title = "transport faults", Description = "A rule's description.", Line = 10 });
        suite.TestCases[2].Steps.Select(s => s.Text).Should().Equal("the feature background", "c");
        suite.TestCases[2].Rule!.Tags.Should().BeEmpty();
        suite.TestCases[0].Rule.Should().BeNull();
    }

    [Fact]
    public void A_broken_scenario_inside_a_rule_is_an_error_and_its_neighbours_still_expand()
    {
        using var repo = new TempRepo().Write("features/test.feature", "Feature: f\n  Rule: r\n    Scenario: bad\n      Given one of:\n    Scenario: good\n      Given b\n");

        var suite = repo.Load();

        suite.Errors.Should().ContainSingle().Which.Should().Match<FeatureLoadError>(e => e.Line == 4 && e.Message.Contains("needs a one-column table"));
        suite.TestCases.Should().ContainSingle().Which.ScenarioName.Should().Be("good");
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
        suite.Parsed.Should().ContainSingle().Which.Source.Should().Contain("Peers misbehave.");
        suite.Parsed.Single().Feature.Name.Should().Be("Downloads");
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
