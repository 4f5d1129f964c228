using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Tests.Parsing;

namespace ChaosFeatures.Gherkin.Tests.Expansion;

public class FuzzedValueTests
{
    // 20 rows so that seed comparisons see many draws, not one coin flip.
    private static string Fuzzed(string step) =>
        $"Feature: F\n  Scenario Outline: s\n    Given {step}\n    Examples:\n      | n |\n"
        + string.Concat(Enumerable.Range(1, 20).Select(i => $"      | {i} |\n"));

    private static IReadOnlyList<TestCase> Load(string step, ulong seed = 1) =>
        TempRepo.LoadClean(Fuzzed(step), ExpansionOptions.Default with { GenerationSeed = seed }).TestCases;

    [Fact]
    public void Ranges_resolve_inside_their_bounds_and_are_recorded()
    {
        var cases = Load("a peer serving -3..5 bytes in 1..1 writes");

        foreach (var testCase in cases)
        {
            var step = testCase.Steps.Single();
            step.SourceText.Should().Be("a peer serving -3..5 bytes in 1..1 writes");
            testCase.FuzzedValues.Should().HaveCount(2);
            testCase.FuzzedValues[0].Should().Match<FuzzedValue>(v => v.StepLine == 3 && v.Expression == "-3..5");
            long.Parse(testCase.FuzzedValues[0].Value).Should().BeInRange(-3, 5);
            testCase.FuzzedValues[1].Should().Be(new FuzzedValue(3, "1..1", "1"));
            step.Text.Should().Be($"a peer serving {testCase.FuzzedValues[0].Value} bytes in 1 writes");
        }
        cases.Select(c => c.FuzzedValues[0].Value).Distinct().Should().HaveCountGreaterThan(3, "20 draws from 9 values vary");
    }

    [Fact]
    public void Choices_pick_one_alternative_and_leave_quotes_and_punctuation_in_place()
    {
        var cases = Load("a \"socket|stream|pipe\" client reading 8|64|1024, then <n>");

        foreach (var testCase in cases)
        {
            var values = testCase.FuzzedValues.Select(v => (v.Expression, v.Value)).ToList();
            values.Select(v => v.Expression).Should().Equal("socket|stream|pipe", "8|64|1024");
            values[0].Value.Should().BeOneOf("socket", "stream", "pipe");
            values[1].Value.Should().BeOneOf("8", "64", "1024");
            testCase.Steps.Single().Text.Should().Be($"a \"{values[0].Value}\" client reading {values[1].Value}, then {testCase.Example!.Index}");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_values_and_another_seed_different_ones()
    {
        var values = (ulong seed) => Load("sleep 0..1000000 ms", seed).Select(c => c.FuzzedValues.Single().Value).ToList();

        values(1).Should().Equal(values(1));
        values(1).Should().NotEqual(values(2));
    }

    [Fact]
    public void Mutation_cells_are_fuzzed_with_their_own_line_and_choices_need_escaped_bars()
    {
        var cases = TempRepo.LoadClean("Feature: F\n  Scenario: s\n    Given one of:\n      | slices into 2..9-byte chunks via a\\|b |\n      | plain |\n").TestCases;

        cases[0].FuzzedValues.Select(v => (v.StepLine, v.Expression)).Should().Equal((4, "2..9"), (4, "a|b"));
        cases[0].Steps.Single().SourceText.Should().Be("slices into 2..9-byte chunks via a|b");
        cases[1].FuzzedValues.Should().BeEmpty();
    }

    [Fact]
    public void Tables_doc_strings_and_ordinary_text_are_left_alone()
    {
        var testCase = TempRepo.LoadClean(""""
            Feature: F
              Scenario: s
                Given version 1.2.3 of a-b and 1...2 | a bar standing apart
                  | 1..5 | a\|b |
                And a body
                  """
                  0..9 x|y
                  """
            """").TestCases.Single();

        testCase.FuzzedValues.Should().BeEmpty();
        testCase.Steps[0].Text.Should().Be("version 1.2.3 of a-b and 1...2 | a bar standing apart");
        testCase.Steps[0].Argument.Should().BeEquivalentTo(new TableArgument([["1..5", "a|b"]]));
        testCase.Steps[1].Argument.Should().Be(new DocStringArgument("0..9 x|y", null));
    }

    [Fact]
    public void An_alternative_ends_where_a_range_bound_does_at_the_first_other_character()
    {
        var cases = Load("sending 1|3|17-byte segments to 0..9-byte peers, mode random:7|fifo or -1|0|1");

        foreach (var testCase in cases)
        {
            testCase.FuzzedValues.Select(v => v.Expression).Should().Equal("1|3|17", "0..9", "random:7|fifo", "-1|0|1");
            testCase.FuzzedValues[0].Value.Should().BeOneOf("1", "3", "17");
            testCase.Steps.Single().Text.Should().MatchRegex(@"^sending (1|3|17)-byte segments to \d-byte peers, mode (random:7|fifo) or (-1|0|1)$");
        }
    }

    [Theory]
    [InlineData("serving 5..1 bytes", "`5..1` is empty")]
    [InlineData("using socket||pipe", "`socket||pipe` has an empty alternative")]
    [InlineData("using pipe|", "`pipe|` has an empty alternative")]
    [InlineData("using |pipe", "`|pipe` has an empty alternative")]
    [InlineData("sending x-1|2 bytes", "`x-1|2` is not a fuzzed choice: alternatives are letters, digits")]
    public void Bad_expressions_are_errors_at_the_step_line(string step, string message)
    {
        TempRepo.LoadErrors($"Feature: F\n  Scenario: s\n    Given a\n    When {step}\n")
            .Should().ContainSingle().Which.Should().Match<FeatureLoadError>(e => e.Line == 4 && e.Message.Contains(message));
    }
}
