using ChaosFeatures.Gherkin.Model;
using Ast = Gherkin.Ast;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>One pickle: a plain scenario, or an outline with one Examples row substituted.</summary>
internal sealed record ScenarioVariant(ExampleRow? Row, IReadOnlyList<string>? RowValues, IReadOnlyList<Ast.Tag> ExamplesTags)
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Values => Row?.Values ?? NoValues;

    public static IReadOnlyList<ScenarioVariant> Of(Ast.Scenario scenario)
    {
        var examples = scenario.Examples.ToList();
        if (examples.Count == 0 && !IsOutline(scenario))
            return [new ScenarioVariant(null, null, [])];

        var variants = new List<ScenarioVariant>();
        foreach (var block in examples)
        {
            var header = block.TableHeader?.Cells.Select(cell => cell.Value).ToList() ?? [];
            foreach (var row in block.TableBody ?? [])
            {
                var cells = row.Cells.Select(cell => cell.Value).ToList();
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Count; i++)
                    values[header[i]] = cells[i];
                var exampleRow = new ExampleRow(variants.Count + 1, row.Location.Line, values, block.Name ?? "");
                variants.Add(new ScenarioVariant(exampleRow, cells, block.Tags.ToList()));
            }
        }
        // An outline without rows would run nothing and look green: refuse it.
        return variants.Count > 0
            ? variants
            : throw new ExpansionException(scenario.Location.Line, scenario.Location.Column,
                $"{scenario.Keyword.Trim()} '{scenario.Name}' has no Examples rows, so it would run nothing; add an Examples table with at least one row below its header");
    }

    // Gherkin 35 has one Scenario node; the keyword still tells an outline without Examples from a plain scenario.
    private static bool IsOutline(Ast.Scenario scenario) =>
        scenario.Keyword.Contains("Outline", StringComparison.OrdinalIgnoreCase) || scenario.Keyword.Contains("Template", StringComparison.OrdinalIgnoreCase);
}
