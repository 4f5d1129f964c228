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
                PositiveInt(chaos, "scenarioTimeoutSeconds", "chaos.scenarioTimeoutSeconds") ?? defaults.ScenarioTimeoutSeconds)
            {
                Servers = Servers(chaos),
            });
    }

    /// <summary>
    /// <c>chaos.servers</c>: name -> { command, probe?, startTimeoutMs?, install? }. Unlike the rest of <c>chaos</c>, unknown keys
    /// in an entry are refused: a misspelt <c>probe</c> would otherwise silently leave the default.
    /// </summary>
    private ServerSettings Servers(JsonElement? chaos)
    {
        if (Property(chaos, "servers") is not { } servers)
            return ServerSettings.None;
        Expect(servers, JsonValueKind.Object, "chaos.servers", "an object of name -> { \"command\": \"...\" }");
        var entries = new List<ServerSetting>();
        foreach (var entry in servers.EnumerateObject())
        {
            var key = $"chaos.servers.{entry.Name}";
            if (entry.Name.Length == 0 || entry.Name.Any(char.IsWhiteSpace))
                throw Error(key, "a name without whitespace (the one a feature uses)");
            Expect(entry.Value, JsonValueKind.Object, key, "an object with " + string.Join(", ", ServerSetting.Keys));
            foreach (var field in entry.Value.EnumerateObject())
                if (!ServerSetting.Keys.Contains(field.Name))
                    throw new ConfigurationException($"{path}: '{key}.{field.Name}' is not a known key; allowed: {string.Join(", ", ServerSetting.Keys)}");
            var command = String(entry.Value, "command", $"{key}.command");
            if (string.IsNullOrWhiteSpace(command))
                throw Error($"{key}.command", "a command line such as \"dotnet {bin}/server.dll --port {port}\"; it is missing or empty");
            entries.Add(new ServerSetting(entry.Name, command, String(entry.Value, "probe", $"{key}.probe"),
                PositiveInt(entry.Value, "startTimeoutMs", $"{key}.startTimeoutMs"), String(entry.Value, "install", $"{key}.install")));
        }
        return new ServerSettings(entries);
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
