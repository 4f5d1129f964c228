using Io.Cucumber.Messages.Types;

namespace ChaosFeatures.Gherkin.Messages;

/// <summary>
/// The ids the converter gave a feature's nodes, by source line: steps (backgrounds included), table rows
/// (mutation blocks and Examples), scenarios, and tags by name. Lines are unique per node kind in a file,
/// which is what lets a case's steps (known by line) point at their nodes.
/// </summary>
internal sealed class DocumentIndex
{
    public Dictionary<long, string> StepIds { get; } = [];
    public Dictionary<long, string> RowIds { get; } = [];
    public Dictionary<long, Scenario> Scenarios { get; } = [];
    public Dictionary<string, string> TagIds { get; } = new(StringComparer.Ordinal);

    public static DocumentIndex Of(GherkinDocument document)
    {
        var index = new DocumentIndex();
        var feature = document.Feature;
        index.AddTags(feature.Tags);
        foreach (var child in feature.Children)
        {
            index.Add(child.Background);
            index.Add(child.Scenario);
            if (child.Rule is { } rule)
            {
                index.AddTags(rule.Tags);
                foreach (var ruleChild in rule.Children)
                {
                    index.Add(ruleChild.Background);
                    index.Add(ruleChild.Scenario);
                }
            }
        }
        return index;
    }

    private void Add(Background? background)
    {
        foreach (var step in background?.Steps ?? [])
            Add(step);
    }

    private void Add(Scenario? scenario)
    {
        if (scenario is null)
            return;
        Scenarios[scenario.Location.Line] = scenario;
        AddTags(scenario.Tags);
        foreach (var step in scenario.Steps)
            Add(step);
        foreach (var examples in scenario.Examples)
        {
            AddTags(examples.Tags);
            foreach (var row in examples.TableBody)
                RowIds[row.Location.Line] = row.Id;
        }
    }

    private void Add(Step step)
    {
        StepIds[step.Location.Line] = step.Id;
        foreach (var row in step.DataTable?.Rows ?? [])
            RowIds[row.Location.Line] = row.Id;
    }

    private void AddTags(IEnumerable<Tag> tags)
    {
        foreach (var tag in tags)
            TagIds.TryAdd(tag.Name, tag.Id);
    }
}
