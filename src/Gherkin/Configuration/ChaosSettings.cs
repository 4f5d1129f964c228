using System.Text.Json;

namespace ChaosFeatures.Gherkin.Configuration;

/// <summary>The <c>chaos</c> section of reqnroll.json.</summary>
/// <param name="MaxCombinations">Default mutation cap per scenario (a <c>@chaos-max:N</c> tag wins).</param>
/// <param name="ResultsDirectory">Where event logs and replay descriptors go.</param>
/// <param name="Raw">The whole section as written, for harness settings the runtime does not know about.</param>
public sealed record ChaosSettings(int MaxCombinations, string ResultsDirectory, JsonElement? Raw)
{
    public static ChaosSettings Default { get; } = new(20, "chaos-results", null);
}
