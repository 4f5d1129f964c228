using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>
/// Which transport faults were crossed with which client logic, and how it went. Mutation steps on the
/// transport axis are rows, those on the logic axis columns (<see cref="MatrixAxes"/>: by the step
/// library's phrase families, else Given is transport and When logic), labelled by their text as written
/// (fuzz ranges kept, so one row covers all drawn values; Examples values substituted) and grouped by family
/// (TCP peer, toxic proxy, HTTP, TLS; client settings, downloads and uploads, HTTP requests, killer). A
/// scenario with mutation blocks on one axis only contributes its plain steps of the other axis as fixed
/// labels (steps that only say what the peer is are on neither); a scenario without mutation blocks is not in the matrix.
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
            .SelectMany(v => v.Case.Steps.Where(s => s.MutationBlockLine is not null).Select(s => (Scenario: ScenarioKey(v.Case), Axis(s))))
            .ToHashSet();
        var rows = new List<AxisLabel>();
        var columns = new List<AxisLabel>();
        var cells = new Dictionary<(string, string), List<CaseView>>();
        foreach (var view in views)
        {
            var key = ScenarioKey(view.Case);
            var transportMutated = mutatedAxes.Contains((key, MatrixAxis.Transport));
            var logicMutated = mutatedAxes.Contains((key, MatrixAxis.Logic));
            if (!transportMutated && !logicMutated)
                continue;
            foreach (var row in Labels(view.Case, MatrixAxis.Transport, transportMutated, "(no transport fault drawn)"))
            {
                foreach (var column in Labels(view.Case, MatrixAxis.Logic, logicMutated, "(no client logic drawn)"))
                {
                    AddOnce(rows, row);
                    AddOnce(columns, column);
                    (cells.TryGetValue((row.Text, column.Text), out var list) ? list : cells[(row.Text, column.Text)] = []).Add(view);
                }
            }
        }
        return new TransportLogicMatrix(Grouped(rows), Grouped(columns), cells);
    }

    /// <summary>A mutation row is always on an axis: one that only says what the peer is counts where its keyword puts it.</summary>
    private static MatrixAxis Axis(CaseStep step) => MatrixAxes.Of(step).Axis switch
    {
        MatrixAxis.Setup when step.MutationBlockLine is not null => step.KeywordType == StepKeywordType.When ? MatrixAxis.Logic : MatrixAxis.Transport,
        var axis => axis,
    };

    private static IReadOnlyList<AxisLabel> Labels(TestCase testCase, MatrixAxis axis, bool mutated, string noneDrawn)
    {
        var labels = testCase.Steps
            .Where(s => Axis(s) == axis && (s.MutationBlockLine is not null) == mutated)
            .Select(s => new AxisLabel(s.SourceText, mutated ? AxisLabelKind.Mutation : AxisLabelKind.Fixed, MatrixAxes.Of(s).Group))
            .Distinct()
            .ToList();
        // An any-of block may draw nothing; that combination still ran and belongs in the matrix.
        var none = mutated ? noneDrawn : axis == MatrixAxis.Transport ? "(no transport step)" : "(no client logic step)";
        return labels.Count > 0 ? labels : [new AxisLabel(none, AxisLabelKind.None, MatrixAxes.Other)];
    }

    /// <summary>Families in page order, labels in first-seen order within each (a stable sort).</summary>
    private static IReadOnlyList<AxisLabel> Grouped(List<AxisLabel> labels) => [.. labels.OrderBy(l => MatrixAxes.Rank(l.Group))];

    private static void AddOnce(List<AxisLabel> labels, AxisLabel label)
    {
        if (!labels.Any(l => l.Text == label.Text))
            labels.Add(label);
    }

    private static string ScenarioKey(TestCase testCase) => $"{testCase.Feature.Path}:{testCase.ScenarioLine}";
}

/// <summary>A row or column of the matrix, with the family it is grouped under.</summary>
internal sealed record AxisLabel(string Text, AxisLabelKind Kind, string Group);

/// <summary>Mutation: drawn from a one-of/any-of block. Fixed: a plain step of a scenario that mutates the other axis. None: nothing on this axis.</summary>
internal enum AxisLabelKind { Mutation, Fixed, None }
