namespace ChaosFeatures.Gherkin.Reporting.Messages;

/// <summary>
/// The ids given to one document's nodes, by line, so pickles can point back at the steps, scenarios,
/// Examples rows and tags they came from (test cases know lines, not AST nodes).
/// </summary>
internal sealed class AstIndex
{
    private readonly Dictionary<int, string> _steps = [];
    private readonly Dictionary<int, string> _scenarios = [];
    private readonly Dictionary<int, string> _exampleRows = [];
    private readonly Dictionary<int, List<(string Name, string Id)>> _tagsByAnchor = [];

    /// <summary>Tags of the feature are filed under this line; real anchors (scenario, Examples row) have lines from 1.</summary>
    public const int FeatureAnchor = 0;

    public void AddStep(int line, string id) => _steps.TryAdd(line, id);

    public void AddScenario(int line, string id) => _scenarios.TryAdd(line, id);

    public void AddExampleRow(int line, string id) => _exampleRows.TryAdd(line, id);

    /// <param name="anchorLine">The scenario's line, an Examples row's line, or <see cref="FeatureAnchor"/>.</param>
    public void AddTag(int anchorLine, string name, string id) =>
        (_tagsByAnchor.TryGetValue(anchorLine, out var tags) ? tags : _tagsByAnchor[anchorLine] = []).Add((name, id));

    public string? Step(int line) => _steps.GetValueOrDefault(line);

    public string? Scenario(int line) => _scenarios.GetValueOrDefault(line);

    public string? ExampleRow(int line) => _exampleRows.GetValueOrDefault(line);

    /// <summary>The most specific tag node with this name (without <c>@</c>): Examples, then scenario, then feature.</summary>
    public string? Tag(string name, int scenarioLine, int? exampleRowLine)
    {
        int[] anchors = exampleRowLine is { } row ? [row, scenarioLine, FeatureAnchor] : [scenarioLine, FeatureAnchor];
        return anchors
            .SelectMany(anchor => _tagsByAnchor.GetValueOrDefault(anchor) ?? [])
            .Where(tag => tag.Name == name)
            .Select(tag => tag.Id)
            .FirstOrDefault();
    }
}
