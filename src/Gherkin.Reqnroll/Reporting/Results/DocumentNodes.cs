using Io.Cucumber.Messages.Types;

namespace ChaosFeatures.Gherkin.Reporting.Results;

/// <summary>
/// The nodes of a feature's Gherkin document messages by id: what pickles and pickle steps point at. A stream may
/// hold several documents of one feature (each with its own ids); their nodes are all kept.
/// </summary>
internal sealed class DocumentNodes
{
    private readonly Dictionary<string, Scenario> _scenarios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Step> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IReadOnlyList<string>, IReadOnlyList<string>)> _examplesRows = new(StringComparer.Ordinal);

    public void Add(GherkinDocument document)
    {
        Feature ??= document.Feature;
        foreach (var child in document.Feature?.Children ?? [])
        {
            Add(child.Background?.Steps);
            Add(child.Scenario);
            foreach (var ruleChild in child.Rule?.Children ?? [])
            {
                Add(ruleChild.Background?.Steps);
                Add(ruleChild.Scenario);
            }
        }
    }

    public Feature? Feature { get; private set; }

    public Scenario? Scenario(string id) => _scenarios.GetValueOrDefault(id);

    public Step? Step(string id) => _steps.GetValueOrDefault(id);

    /// <summary>An Examples row: its table's header and its own cells.</summary>
    public (IReadOnlyList<string> Header, IReadOnlyList<string> Values)? ExamplesRow(string id) =>
        _examplesRows.TryGetValue(id, out var row) ? row : null;

    private void Add(Scenario? scenario)
    {
        if (scenario is null)
            return;
        _scenarios[scenario.Id] = scenario;
        Add(scenario.Steps);
        foreach (var examples in scenario.Examples)
        {
            var header = examples.TableHeader?.Cells.Select(c => c.Value).ToList() ?? [];
            foreach (var row in examples.TableBody)
                _examplesRows[row.Id] = (header, row.Cells.Select(c => c.Value).ToList());
        }
    }

    private void Add(IEnumerable<Step>? steps)
    {
        foreach (var step in steps ?? [])
            _steps[step.Id] = step;
    }
}
