using System.Text.RegularExpressions;
using Reqnroll;
using ChaosFeatures.Gherkin.Model;
using FluentAssertions;

namespace ChaosFeatures.Specs.Runner;

/// <summary>
/// Checks mutation expansion from the inside: the steps that ran are exactly the ones the test
/// case says it chose, and each one-of block contributed exactly one.
/// </summary>
[Binding]
public sealed partial class MutationSteps(CaseRun run)
{
    private TestCase Case => run.Case;

    private readonly List<string> _items = [];
    private string? _colour;

    [Given("a fresh list")]
    public void GivenAFreshList() => _items.Clear();

    [Given("the item {string} is added")]
    public void GivenItemAdded(string item) => _items.Add(item);

    [Then("the list holds exactly the mutation steps this test case chose")]
    public void ThenTheListHoldsTheChosenSteps()
    {
        var chosen = Case.Steps
            .Where(s => s.MutationBlockLine is not null)
            .Select(s => ItemText().Match(s.Text).Groups[1].Value)
            .ToList();
        _items.Should().Equal(chosen);
        Case.Mutations.Should().NotBeEmpty();
        Case.Mutations.Where(m => m.Kind == MutationKind.OneOf).All(m => m.ChosenRows.Count == 1).Should().BeTrue("a one-of block picks exactly one row");
        Case.Mutations.Sum(m => m.ChosenRows.Count).Should().Be(chosen.Count);
    }

    [Given("the colour {word}")]
    public void GivenColour(string colour) => _colour = colour;

    [Then("the colour is one of {string}")]
    public void ThenColourIsOneOf(string choices) => choices.Split(',').Should().Contain(_colour);

    [Then("the fuzzed values of this test case are recorded")]
    public void ThenFuzzedValuesRecorded()
    {
        Case.FuzzedValues.Should().NotBeEmpty();
        foreach (var fuzzed in Case.FuzzedValues)
        {
            var step = Case.Steps.Single(s => s.Line == fuzzed.StepLine);
            step.SourceText.Should().Contain(fuzzed.Expression);
            step.Text.Should().Contain(fuzzed.Value).And.NotContain(fuzzed.Expression);
        }
    }

    [GeneratedRegex("the item \"(.*)\" is added")]
    private static partial Regex ItemText();
}
