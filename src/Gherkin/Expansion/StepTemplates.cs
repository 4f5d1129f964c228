using ChaosFeatures.Gherkin.Model;
using Ast = Gherkin.Ast;
using GherkinKeywordType = Gherkin.StepKeywordType;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>Turns AST steps into <see cref="StepTemplate"/>s: And/But resolved, mutation blocks recognised and checked.</summary>
internal static class StepTemplates
{
    public static IReadOnlyList<StepTemplate> From(IEnumerable<Ast.Step> steps)
    {
        var templates = new List<StepTemplate>();
        var previous = StepKeywordType.Given; // what a leading And/But/* means
        foreach (var step in steps)
        {
            previous = KeywordType(step.KeywordType, previous);
            var block = MutationBlockOf(step);
            var argument = block is null ? ToArgument(step.Argument) : null;
            templates.Add(new StepTemplate(step.Keyword, previous, step.Text, step.Location.Line, argument, block));
        }
        return templates;
    }

    // Gherkin 35 classifies keywords itself; And/But (Conjunction) and * (Unknown) continue the previous type.
    private static StepKeywordType KeywordType(GherkinKeywordType keyword, StepKeywordType previous) => keyword switch
    {
        GherkinKeywordType.Context => StepKeywordType.Given,
        GherkinKeywordType.Action => StepKeywordType.When,
        GherkinKeywordType.Outcome => StepKeywordType.Then,
        _ => previous,
    };

    private static MutationBlock? MutationBlockOf(Ast.Step step)
    {
        var kind = step.Text.Trim().ToLowerInvariant() switch
        {
            "one of:" => MutationKind.OneOf,
            "any of:" => (MutationKind?)MutationKind.AnyOf,
            _ => null,
        };
        if (kind is null)
            return null;

        var line = step.Location.Line;
        var name = $"`{step.Text.Trim()}` block";
        if (step.Argument is not Ast.DataTable table)
            throw new ExpansionException(line, step.Location.Column,
                $"{name} needs a one-column table of step texts below it (every row is one alternative; no header row)");
        var rows = table.Rows.ToList();
        if (rows.Count == 0)
            throw new ExpansionException(line, step.Location.Column, $"{name} has an empty table; give it at least one alternative");

        return new MutationBlock(kind.Value, line, rows.Select(row =>
        {
            var cells = row.Cells.ToList();
            if (cells.Count != 1)
                throw new ExpansionException(row.Location.Line, row.Location.Column,
                    $"{name} row has {cells.Count} columns; a mutation table has exactly one column, each cell a step text");
            if (string.IsNullOrWhiteSpace(cells[0].Value))
                throw new ExpansionException(row.Location.Line, row.Location.Column, $"{name} row is empty; each row must be a step text");
            return new MutationAlternative(cells[0].Value, row.Location.Line);
        }).ToList());
    }

    private static StepArgument? ToArgument(Ast.StepArgument? argument) => argument switch
    {
        Ast.DataTable table => new TableArgument(table.Rows.Select(row => (IReadOnlyList<string>)row.Cells.Select(cell => cell.Value).ToList()).ToList()),
        Ast.DocString doc => new DocStringArgument(doc.Content, string.IsNullOrEmpty(doc.ContentType) ? null : doc.ContentType),
        _ => null,
    };
}
