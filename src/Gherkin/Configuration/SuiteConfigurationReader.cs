using System.Text.Json;

namespace ChaosFeatures.Gherkin.Configuration;

/// <summary>Maps the JSON tree onto <see cref="SuiteConfiguration"/>, naming the key and the allowed values on every mismatch.</summary>
internal sealed class SuiteConfigurationReader(string path)
{
    public SuiteConfiguration Read(JsonElement root)
    {
        Expect(root, JsonValueKind.Object, "(root)", "an object");
        var language = Section(root, "language");
        var chaos = Section(root, "chaos");
        // Reqnroll ignores keys it does not know, so a setting left in the old place would silently do nothing.
        if (Property(Section(root, "runtime"), "scenarioTimeoutSeconds") is not null)
            throw new ConfigurationException($"{path}: 'runtime.scenarioTimeoutSeconds' moved to 'chaos.scenarioTimeoutSeconds' (the runtime section belongs to Reqnroll)");

        var defaults = ChaosSettings.Default;
        return new SuiteConfiguration(
            String(language, "feature", "language.feature") ?? SuiteConfiguration.Default.FeatureLanguage,
            new ChaosSettings(
                PositiveInt(chaos, "maxCombinations", "chaos.maxCombinations") ?? defaults.MaxCombinations,
                String(chaos, "resultsDirectory", "chaos.resultsDirectory") ?? defaults.ResultsDirectory,
                PositiveInt(chaos, "scenarioTimeoutSeconds", "chaos.scenarioTimeoutSeconds") ?? defaults.ScenarioTimeoutSeconds));
    }

    private JsonElement? Section(JsonElement root, string name)
    {
        if (Property(root, name) is not { } section)
            return null;
        Expect(section, JsonValueKind.Object, name, "an object");
        return section;
    }

    private static JsonElement? Property(JsonElement? parent, string name) =>
        parent is { } p && p.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private string? String(JsonElement? parent, string name, string key)
    {
        if (Property(parent, name) is not { } value)
            return null;
        Expect(value, JsonValueKind.String, key, "a string");
        return value.GetString();
    }

    private int? PositiveInt(JsonElement? parent, string name, string key)
    {
        if (Property(parent, name) is not { } value)
            return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw Error(key, $"a whole number greater than 0, got {value.GetRawText()}");
    }

    private void Expect(JsonElement value, JsonValueKind kind, string key, string allowed)
    {
        if (value.ValueKind != kind)
            throw Error(key, $"{allowed}, got {value.GetRawText()}");
    }

    private ConfigurationException Error(string key, string allowed) => new($"{path}: '{key}' must be {allowed}");
}
