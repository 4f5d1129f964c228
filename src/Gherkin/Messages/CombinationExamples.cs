using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using Io.Cucumber.Messages.Types;
using TestCase = ChaosFeatures.Gherkin.Model.TestCase;

namespace ChaosFeatures.Gherkin.Messages;

/// <summary>
/// Gives every scenario with mutation blocks an Examples table with one row per case (its Examples values
/// and a <c>combination</c> cell naming the chosen rows), so report viewers show each combination as its
/// own entry with its own concrete steps instead of folding them into one scenario. An outline keeps one
/// table per Examples block (same keyword, name and tags), its rows crossed with the combinations.
/// </summary>
internal static class CombinationExamples
{
    public const string Column = "combination";

    /// <returns>Case id -> the id of the row that stands for it.</returns>
    public static IReadOnlyDictionary<string, string> Add(DocumentIndex index, IReadOnlyList<TestCase> cases, MessageIds ids)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scenarioCases in cases.Where(c => c.MutationCode is not null).GroupBy(c => c.ScenarioLine))
        {
            var scenario = index.Scenarios[scenarioCases.Key];
            var tables = scenario.Examples.Count == 0
                ? [Table(scenario.Location, [], "Examples", "Combinations", [], [.. scenarioCases], rows, ids)]
                : scenario.Examples.Select(examples => ForBlock(examples, [.. scenarioCases], rows, ids)).ToList();
            scenario.Examples.Clear();
            scenario.Examples.AddRange(tables.Where(t => t.TableBody.Count > 0));
        }
        return rows;
    }

    private static Examples ForBlock(Examples examples, IReadOnlyList<TestCase> cases, Dictionary<string, string> rows, MessageIds ids)
    {
        var header = examples.TableHeader?.Cells.Select(c => c.Value).ToList() ?? [];
        var lines = examples.TableBody.Select(r => r.Location.Line).ToHashSet();
        var own = cases.Where(c => c.Example is { } row && lines.Contains(row.Line)).ToList();
        return Table(examples.Location, examples.Tags, examples.Keyword, examples.Name, header, own, rows, ids, examples.Description);
    }

    private static Examples Table(Location location, List<Tag> tags, string keyword, string name, IReadOnlyList<string> header,
        IReadOnlyList<TestCase> cases, Dictionary<string, string> rows, MessageIds ids, string description = "")
    {
        var body = new List<TableRow>();
        foreach (var testCase in cases)
        {
            var values = header.Select(h => testCase.Example!.Values[h]).Append($"{testCase.MutationCode}: {CaseNaming.Words(testCase.Mutations)}");
            var at = testCase.Example is { } row ? new Location(row.Line, location.Column) : location;
            var id = ids.GetNewId();
            body.Add(new TableRow(at, [.. values.Select(v => new TableCell(at, v))], id));
            rows[testCase.Id] = id;
        }
        var headerRow = new TableRow(location, [.. header.Append(Column).Select(h => new TableCell(location, h))], ids.GetNewId());
        return new Examples(location, tags, keyword, name, description, headerRow, body, ids.GetNewId());
    }
}
