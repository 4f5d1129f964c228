using System.Text;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Freeze.Frozen;

/// <summary>
/// Renders a <see cref="FrozenScenario"/> as a <c>.feature</c> file. Deterministic: the same scenario
/// gives the same bytes (no timestamps, <c>\n</c> newlines), so re-freezing a descriptor is a no-op.
/// </summary>
internal static class FrozenFeatureText
{
    public static string Render(FrozenScenario frozen)
    {
        var d = frozen.Descriptor;
        var source = $"{d.FeaturePath}:{d.ScenarioLine}"
            + (d.Example is { } row ? $" (Examples row {row.Index}, line {row.Line})" : "")
            + (d.MutationCode is { } code ? $" (mutations {code})" : "");
        var text = new StringBuilder()
            .Append("# Frozen by tools/freeze from a chaos failure. Re-freeze rather than edit.\n")
            .Append("# source:     ").Append(source).Append('\n')
            .Append("# test id:    ").Append(d.TestId).Append('\n')
            .Append("# descriptor: ").Append(frozen.DescriptorDisplay).Append('\n')
            .Append("# signature:  ").Append(d.Signature).Append('\n')
            .Append("# decisions:  ").Append(d.DecisionHash).Append('\n');
        if (frozen.Shrunk is { } shrunk)
            text.Append("# shrunk:     ").Append(shrunk).Append(" mutation steps\n");
        text.Append(Tags(frozen.FeatureTags, "")).Append("Feature: ").Append(frozen.Original.Feature.Title).Append(" (frozen)\n\n")
            .Append(Tags(frozen.ScenarioTags, "  ")).Append("  Scenario: ").Append(frozen.Original.ScenarioName).Append('\n');

        StepKeywordType? previous = null;
        foreach (var step in frozen.Steps.Prepend(frozen.SeedStep))
        {
            text.Append("    ").Append(Keyword(step.KeywordType, previous)).Append(step.Text).Append('\n');
            Argument(text, step.Argument);
            previous = step.KeywordType;
        }
        return text.ToString();
    }

    // Keywords are re-derived from the resolved type: once mutation steps are flattened or shrunk
    // away, an "And" as written could otherwise change what kind of step follows it.
    private static string Keyword(StepKeywordType type, StepKeywordType? previous) =>
        type == previous ? "And " : type + " ";

    private static string Tags(IReadOnlyList<string> tags, string indent) =>
        tags.Count == 0 ? "" : indent + string.Join(' ', tags.Select(t => "@" + t)) + "\n";

    private static void Argument(StringBuilder text, StepArgument? argument)
    {
        switch (argument)
        {
            case TableArgument table:
                foreach (var row in table.Rows)
                    text.Append("      |").AppendJoin("", row.Select(cell => " " + Cell(cell) + " |")).Append('\n');
                break;
            case DocStringArgument doc:
                var fence = doc.Content.Contains("\"\"\"", StringComparison.Ordinal) ? "```" : "\"\"\"";
                text.Append("      ").Append(fence).Append(doc.MediaType).Append('\n');
                foreach (var line in doc.Content.ReplaceLineEndings("\n").Split('\n'))
                    text.Append(line.Length == 0 ? "" : "      " + line).Append('\n');
                text.Append("      ").Append(fence).Append('\n');
                break;
        }
    }

    private static string Cell(string cell) => cell.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", "\\n");
}
