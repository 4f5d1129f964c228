using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Tests.Parsing;

namespace ChaosFeatures.Gherkin.Tests.Expansion;

public class MutationBlockTests
{
    private const string Crossed = """
        Feature: Crossed
          Scenario: download under chaos
            Given an evil peer "EP" serving 256 bytes
            And one of:
              | evil peer "EP" slices output into 1-byte chunks |
              | evil peer "EP" delays 5 ms between chunks        |
              | evil peer "EP" uses a hard reset                 |
            When any of:
              | coroutine "K" sleeps 1 ms   |
              | coroutine "K" cancels "C"   |
            Then coroutine "C" is completed
        """;

    [Fact]
    public void One_of_three_times_any_of_two_gives_twelve_cases_with_ids_stable_across_loads()
    {
        var first = TempRepo.LoadClean(Crossed).TestCases;
        var second = TempRepo.LoadClean(Crossed).TestCases;

        first.Should().HaveCount(12);
        first.Select(c => c.Id).Should().OnlyHaveUniqueItems().And.Equal(second.Select(c => c.Id));
        first.Select(c => c.MutationCode).Should().Equal(
            "o0-a_", "o0-a0", "o0-a1", "o0-a0.1",
            "o1-a_", "o1-a0", "o1-a1", "o1-a0.1",
            "o2-a_", "o2-a0", "o2-a1", "o2-a0.1");
        first[7].Id.Should().Be("features/test.feature:2:o1-a0.1");
        first[7].DisplayName.Should().Be("Crossed: download under chaos [o1-a0.1: evil peer \"EP\" delays 5 ms between chunks; coroutine \"K\" sleeps 1 ms + coroutine \"K\" cancels \"C\"]",
            "the name says in words which rows the case took");
        first[4].DisplayName.Should().EndWith("[o1-a_: evil peer \"EP\" delays 5 ms between chunks; (none)]", "an any-of block that took nothing says so");
    }

    [Fact]
    public void Chosen_rows_become_steps_with_the_block_keyword_their_own_line_and_the_block_line()
    {
        var testCase = TempRepo.LoadClean(Crossed).TestCases.Single(c => c.MutationCode == "o2-a0.1");

        testCase.Steps.Select(s => (s.Keyword, s.KeywordType, s.Text, s.Line, s.MutationBlockLine)).Should().Equal(
            ("Given ", StepKeywordType.Given, "an evil peer \"EP\" serving 256 bytes", 3, null),
            ("And ", StepKeywordType.Given, "evil peer \"EP\" uses a hard reset", 7, 4),
            ("When ", StepKeywordType.When, "coroutine \"K\" sleeps 1 ms", 9, 8),
            ("When ", StepKeywordType.When, "coroutine \"K\" cancels \"C\"", 10, 8),
            ("Then ", StepKeywordType.Then, "coroutine \"C\" is completed", 11, null));
        testCase.Mutations.Should().BeEquivalentTo(new[]
        {
            new MutationChoice(4, MutationKind.OneOf, [2], ["evil peer \"EP\" uses a hard reset"]),
            new MutationChoice(8, MutationKind.AnyOf, [0, 1], ["coroutine \"K\" sleeps 1 ms", "coroutine \"K\" cancels \"C\""]),
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void The_empty_any_of_choice_contributes_no_steps()
    {
        var testCase = TempRepo.LoadClean(Crossed).TestCases.Single(c => c.MutationCode == "o0-a_");

        testCase.Steps.Should().HaveCount(3);
        testCase.Mutations[1].ChosenRows.Should().BeEmpty();
    }

    [Fact]
    public void Block_keywords_are_case_insensitive_but_need_the_colon()
    {
        var cases = TempRepo.LoadClean("Feature: F\n  Scenario: s\n    Given One Of:\n      | a |\n      | b |\n    When one of\n      | x |\n").TestCases;

        cases.Should().HaveCount(2);
        cases[0].Steps[1].Should().Match<CaseStep>(s => s.Text == "one of" && s.Argument is TableArgument);
    }

    [Theory]
    [InlineData("    Given one of:\n    Then b\n", 3, "needs a one-column table")]
    [InlineData("    Given any of:\n      \"\"\"\n      x\n      \"\"\"\n", 3, "needs a one-column table")]
    [InlineData("    Given one of:\n      | a | b |\n", 4, "has 2 columns")]
    [InlineData("    Given any of:\n      | a |\n      |   |\n", 5, "row is empty")]
    public void Malformed_blocks_are_errors_at_their_line(string steps, int line, string message)
    {
        TempRepo.LoadErrors("Feature: F\n  Scenario: s\n" + steps)
            .Should().ContainSingle().Which.Should().Match<FeatureLoadError>(e => e.Line == line && e.Message.Contains(message));
    }

    [Fact]
    public void A_broken_scenario_does_not_hide_its_neighbours()
    {
        using var repo = new TempRepo().Write("features/f.feature", "Feature: F\n  Scenario: bad\n    Given one of:\n  Scenario: good\n    Given a\n");

        var suite = repo.Load();

        suite.Errors.Should().ContainSingle().Which.Line.Should().Be(3);
        suite.TestCases.Should().ContainSingle().Which.ScenarioName.Should().Be("good");
    }

    [Fact]
    public void Background_steps_come_first_and_and_but_follow_the_previous_keyword()
    {
        var testCase = TempRepo.LoadClean("""
            Feature: F
              Background:
                Given a peer
                But not a proxy
              Scenario: s
                And more setup
                When it runs
                And again
                But not twice
                Then it ends
                * and more
            """).TestCases.Single();

        testCase.Steps.Select(s => (s.Text, s.KeywordType)).Should().Equal(
            ("a peer", StepKeywordType.Given), ("not a proxy", StepKeywordType.Given),
            ("more setup", StepKeywordType.Given), ("it runs", StepKeywordType.When),
            ("again", StepKeywordType.When), ("not twice", StepKeywordType.When),
            ("it ends", StepKeywordType.Then), ("and more", StepKeywordType.Then));
        testCase.Id.Should().Be("features/test.feature:5");
        testCase.MutationCode.Should().BeNull();
        testCase.Mutations.Should().BeEmpty();
    }
}
