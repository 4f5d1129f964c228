using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Tests.Parsing;

namespace ChaosFeatures.Gherkin.Tests.Expansion;

public class OutlineTests
{
    private const string Outline = """
        @io
        Feature: Outlines
          @slow
          Scenario Outline: download <size> bytes
            Given a peer serving <size> bytes
              | size   |
              | <size> |
            And one of:
              | slices into <slice>-byte chunks |
              | resets after <size> bytes       |
            Then the body is
              ```
              <size> bytes
              ```

            Examples: small
              | size | slice |
              | 1    | 1     |
            @big @slow
            Examples: big
              | size | slice |
              | 4096 | 512   |
        """;

    [Fact]
    public void Rows_multiply_with_blocks_and_ids_carry_row_and_code()
    {
        var cases = TempRepo.LoadClean(Outline).TestCases;

        cases.Select(c => c.Id).Should().Equal(
            "features/test.feature:4:r1:o0", "features/test.feature:4:r1:o1",
            "features/test.feature:4:r2:o0", "features/test.feature:4:r2:o1");
        cases[2].DisplayName.Should().Be("Outlines: download 4096 bytes [4096, 512 / o0: slices into 512-byte chunks]");
        cases[2].Example.Should().BeEquivalentTo(new { Index = 2, Line = 22, ExamplesName = "big" });
        cases[2].Example!.Values.Should().Equal(new Dictionary<string, string> { ["size"] = "4096", ["slice"] = "512" });
    }

    [Fact]
    public void Placeholders_are_substituted_in_text_tables_doc_strings_and_mutation_cells()
    {
        var testCase = TempRepo.LoadClean(Outline).TestCases.Single(c => c.Id.EndsWith(":r2:o0"));

        testCase.ScenarioName.Should().Be("download 4096 bytes");
        testCase.Steps.Select(s => s.Text).Should().Equal(
            "a peer serving 4096 bytes", "slices into 512-byte chunks", "the body is");
        testCase.Steps[0].Argument.Should().BeEquivalentTo(new TableArgument([["size"], ["4096"]]));
        testCase.Steps[2].Argument.Should().Be(new DocStringArgument("4096 bytes", null));
    }

    [Fact]
    public void Tags_are_feature_then_scenario_then_examples_without_at_and_distinct()
    {
        var cases = TempRepo.LoadClean(Outline).TestCases;

        cases[0].Tags.Should().Equal("io", "slow");
        cases[2].Tags.Should().Equal("io", "slow", "big");
    }

    [Fact]
    public void The_cap_applies_per_row_so_no_written_row_is_dropped()
    {
        var text = "Feature: F\n  @chaos-max:2\n  Scenario Outline: s\n    Given any of:\n      | a <n> |\n      | b <n> |\n    Examples:\n      | n |\n      | 1 |\n      | 2 |\n      | 3 |\n";

        var cases = TempRepo.LoadClean(text).TestCases;

        cases.Should().HaveCount(6);
        cases.GroupBy(c => c.Example!.Index).Select(g => (g.Key, g.Count())).Should().Equal((1, 2), (2, 2), (3, 2));
    }

    [Fact]
    public void Plain_rows_without_blocks_name_only_the_row()
    {
        var cases = TempRepo.LoadClean("Feature: F\n  Scenario Outline: s <n>\n    Given <n>\n    Examples:\n      | n |\n      | 1 |\n").TestCases;

        cases.Single().Should().Match<TestCase>(c =>
            c.Id == "features/test.feature:2:r1" && c.DisplayName == "F: s 1 [1]" && c.MutationCode == null);
    }

    [Fact]
    public void An_outline_without_rows_is_an_error_instead_of_running_nothing()
    {
        TempRepo.LoadErrors("Feature: F\n  Scenario Outline: s\n    Given <n>\n    Examples:\n      | n |\n")
            .Should().ContainSingle().Which.Should().Match<FeatureLoadError>(e => e.Line == 2 && e.Message.Contains("no Examples rows"));
    }

    [Theory]
    [InlineData("@ignore\nFeature: F\n  Scenario: s\n    Given a\n")]
    [InlineData("Feature: F\n  @ignore\n  Scenario: s\n    Given a\n")]
    [InlineData("Feature: F\n  Scenario Outline: s\n    Given <a>\n    @ignore\n    Examples:\n      | a |\n      | 1 |\n")]
    public void Ignore_anywhere_marks_the_case_skipped_but_keeps_it_listed(string text)
    {
        TempRepo.LoadClean(text).TestCases.Should().ContainSingle().Which.IgnoreReason.Should().Be("Ignored with @ignore");
    }

    [Fact]
    public void Cases_without_ignore_have_no_ignore_reason()
    {
        TempRepo.LoadClean(Outline).TestCases.Should().OnlyContain(c => c.IgnoreReason == null);
    }
}
