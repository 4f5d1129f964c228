using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>
/// Which transport faults were crossed with which client logic, and how it went. Mutation steps whose
/// keyword type is Given are transport faults (rows), When steps are client logic (columns), labelled by
/// their text as written (fuzz ranges kept, so one row covers all drawn values). A scenario with a mutation
/// block on one axis only contributes its plain steps of the other axis as fixed labels; a scenario
/// without mutation blocks is not in the matrix.
/// </summary>
internal sealed class TransportLogicMatrix
{
    private readonly Dictionary<(string Row, string Column), List<CaseView>> _cells;

    private TransportLogicMatrix(IReadOnlyList<AxisLabel> rows, IReadOnlyList<AxisLabel> columns, Dictionary<(string, string), List<CaseView>> cells)
    {
        Rows = rows;
        Columns = columns;
        _cells = cells;
    }

    public IReadOnlyList<AxisLabel> Rows { get; }

    public IReadOnlyList<AxisLabel> Columns { get; }

    /// <summary>Cases (run or not) that cross this transport fault with this logic.</summary>
    public IReadOnlyList<CaseView> Cases(AxisLabel row, AxisLabel column) => _cells.GetValueOrDefault((row.Text, column.Text)) ?? [];

    /// <summary>failed if any covering case failed, passed if any passed, otherwise not covered (nothing ran, or only skips).</summary>
    public static string Status(IReadOnlyList<CaseView> cases) =>
        cases.Any(c => c.Status == "failed") ? "failed"
        : cases.Any(c => c.Status == "passed") ? "passed"
        : "notcovered";

    public static TransportLogicMatrix Build(IReadOnlyList<CaseView> views)
    {
        var mutatedAxes = views
            .SelectMany(v => v.Case.Steps.Where(s => s.MutationBlockLine is not null).Select(s => (Scenario: ScenarioKey(v.Case), s.KeywordType)))
            .ToHashSet();
        var rows = new List<AxisLabel>();
        var columns = new List<AxisLabel>();
        var cells = new Dictionary<(string, string), List<CaseView>>();
        foreach (var view in views)
        {
            var key = ScenarioKey(view.Case);
            var transportMutated = mutatedAxes.Contains((key, StepKeywordType.Given));
            var logicMutated = mutatedAxes.Contains((key, StepKeywordType.When));
            if (!transportMutated && !logicMutated)
                continue;
            foreach (var row in Labels(view.Case, StepKeywordType.Given, transportMutated, "(no transport fault drawn)"))
            {
                foreach (var column in Labels(view.Case, StepKeywordType.When, logicMutated, "(no client logic drawn)"))
                {
                    AddOnce(rows, row);
                    AddOnce(columns, column);
                    (cells.TryGetValue((row.Text, column.Text), out var list) ? list : cells[(row.Text, column.Text)] = []).Add(view);
                }
            }
        }
        return new TransportLogicMatrix(rows, columns, cells);
    }

    private static IReadOnlyList<AxisLabel> Labels(TestCase testCase, StepKeywordType axis, bool mutated, string noneDrawn)
    {
        var labels = testCase.Steps
            .Where(s => s.KeywordType == axis && (s.MutationBlockLine is not null) == mutated)
            .Select(s => new AxisLabel(s.SourceText, mutated ? AxisLabelKind.Mutation : AxisLabelKind.Fixed))
            .Distinct()
            .ToList();
        // An any-of block may draw nothing; that combination still ran and belongs in the matrix.
        return labels.Count > 0 ? labels : [new AxisLabel(mutated ? noneDrawn : $"(no {axis} step)", AxisLabelKind.None)];
    }

    private static void AddOnce(List<AxisLabel> labels, AxisLabel label)
    {
        if (!labels.Any(l => l.Text == label.Text))
            labels.Add(label);
    }

    private static string ScenarioKey(TestCase testCase) => $"{testCase.Feature.Path}:{testCase.ScenarioLine}";
}

/// <summary>A row or column of the matrix.</summary>
internal sealed record AxisLabel(string Text, AxisLabelKind Kind);

/// <summary>Mutation: drawn from a one-of/any-of block. Fixed: a plain step of a scenario that mutates the other axis. None: nothing on this axis.</summary>
internal enum AxisLabelKind { Mutation, Fixed, None }
