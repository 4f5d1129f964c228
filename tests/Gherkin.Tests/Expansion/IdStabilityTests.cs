using ChaosFeatures.Gherkin.Tests.Parsing;

namespace ChaosFeatures.Gherkin.Tests.Expansion;

public class IdStabilityTests
{
    // A `|` inside a table cell must be escaped as `\|`, or Gherkin splits the cell.
    private const string First = """
        Feature: F
          Scenario: first
            Given any of:
              | a 1..100 |
              | b x\|y\|z |
            When one of:
              | c |
              | d |
        """;

    [Fact]
    public void Editing_a_scenario_below_changes_neither_ids_nor_mutations_nor_fuzzed_values_above()
    {
        var before = TempRepo.LoadClean(First + "\n  Scenario: second\n    Given one of:\n      | e |\n      | f |\n").TestCases;
        var after = TempRepo.LoadClean(First + "\n  @chaos-max:1\n  Scenario: second, renamed\n    Given one of:\n      | e |\n      | g |\n      | h |\n    Then more\n").TestCases;

        var snapshot = (IEnumerable<Model.TestCase> cases) => cases.Where(c => c.ScenarioName == "first")
            .Select(c => (c.Id, c.DisplayName, c.MutationCode, string.Join(";", c.FuzzedValues), string.Join(";", c.Steps.Select(s => s.Text))))
            .ToList();
        snapshot(before).Should().HaveCount(8).And.Equal(snapshot(after));
        before.Select(c => c.ScenarioName).Should().Contain("second");
    }
}
