using Reqnroll;

namespace ChaosFeatures.Gherkin.Tests.Running;

/// <summary>
/// Bindings whose match must not be remembered across what tells them apart, for <see cref="StepMatchTests"/>:
/// a step bound once per tag scope, and a step whose doc string differs between two runs of the same text.
/// </summary>
[Binding]
public sealed class StepMatchSteps(ScenarioContext scenario)
{
    private readonly List<string> _notes = [];

    [Then("the binding scoped to the scenario's tag runs"), Scope(Tag = "left")]
    public void LeftRuns() => InScenarioTagged("left");

    [Then("the binding scoped to the scenario's tag runs"), Scope(Tag = "right")]
    public void RightRuns() => InScenarioTagged("right");

    [Given("the note:")]
    public void Note(string text) => _notes.Add(text);

    [Then("the notes are {string}")]
    public void NotesAre(string expected)
    {
        var notes = string.Join(", ", _notes);
        if (notes != expected) throw new InvalidOperationException($"the notes are \"{notes}\", expected \"{expected}\"");
    }

    private void InScenarioTagged(string tag)
    {
        if (!scenario.ScenarioInfo.Tags.Contains(tag))
            throw new InvalidOperationException($"the binding scoped to @{tag} ran in a scenario tagged {string.Join(" ", scenario.ScenarioInfo.Tags.Select(t => "@" + t))}");
    }
}
