using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>Test case ids and display names. Ids use only the scenario's own line, row and combination,
/// so editing another scenario below it never renames it; display names also say in words which
/// mutation rows the case took.</summary>
internal static class CaseNaming
{
    public static string Id(string featurePath, int scenarioLine, int? rowIndex, string? code) =>
        featurePath + ":" + scenarioLine
        + (rowIndex is { } row ? $":r{row}" : "")
        + (code is null ? "" : ":" + code);

    public static string DisplayName(string featureTitle, string scenarioName, IReadOnlyList<string>? rowValues, string? code,
        IReadOnlyList<MutationChoice> mutations)
    {
        var parts = new List<string>();
        if (rowValues is not null)
            parts.Add(string.Join(", ", rowValues));
        if (code is not null)
            parts.Add($"{code}: {Words(mutations)}");
        var name = $"{featureTitle}: {scenarioName}";
        return parts.Count == 0 ? name : $"{name} [{string.Join(" / ", parts)}]";
    }

    /// <summary>
    /// The chosen rows as written, block by block (<c>;</c> between blocks, <c>+</c> inside an any-of block,
    /// <c>(none)</c> for an any-of block that took no row), e.g. <c>the peer resets; slices + delays</c>.
    /// </summary>
    public static string Words(IReadOnlyList<MutationChoice> mutations) =>
        string.Join("; ", mutations.Select(m => m.ChosenTexts.Count == 0 ? "(none)" : string.Join(" + ", m.ChosenTexts)));
}
