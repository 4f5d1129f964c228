namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>Test case ids and display names. Ids use only the scenario's own line, row and combination,
/// so editing another scenario below it never renames it.</summary>
internal static class CaseNaming
{
    public static string Id(string featurePath, int scenarioLine, int? rowIndex, string? code) =>
        featurePath + ":" + scenarioLine
        + (rowIndex is { } row ? $":r{row}" : "")
        + (code is null ? "" : ":" + code);

    public static string DisplayName(string featureTitle, string scenarioName, IReadOnlyList<string>? rowValues, string? code)
    {
        var parts = new List<string>();
        if (rowValues is not null)
            parts.Add(string.Join(", ", rowValues));
        if (code is not null)
            parts.Add(code);
        var name = $"{featureTitle}: {scenarioName}";
        return parts.Count == 0 ? name : $"{name} [{string.Join(" / ", parts)}]";
    }
}
