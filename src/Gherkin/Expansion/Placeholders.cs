using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>Scenario Outline <c>&lt;name&gt;</c> substitution in step text, tables, doc strings and mutation cells.</summary>
internal static class Placeholders
{
    public static string Apply(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
            text = text.Replace($"<{name}>", value, StringComparison.Ordinal);
        return text;
    }

    public static StepTemplate Apply(StepTemplate step, IReadOnlyDictionary<string, string> values) => values.Count == 0
        ? step
        : step with
        {
            Text = Apply(step.Text, values),
            Argument = Apply(step.Argument, values),
            Block = step.Block is { } block
                ? block with { Alternatives = block.Alternatives.Select(a => a with { Text = Apply(a.Text, values) }).ToList() }
                : null,
        };

    private static StepArgument? Apply(StepArgument? argument, IReadOnlyDictionary<string, string> values) => argument switch
    {
        TableArgument table => new TableArgument(table.Rows.Select(row => (IReadOnlyList<string>)row.Select(cell => Apply(cell, values)).ToList()).ToList()),
        DocStringArgument doc => doc with { Content = Apply(doc.Content, values) },
        _ => argument,
    };
}
