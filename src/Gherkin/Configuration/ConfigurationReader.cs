using System.Text.Json;
using ChaosFeatures.Gherkin.Execution;

namespace ChaosFeatures.Gherkin.Configuration;

/// <summary>Maps the JSON tree onto <see cref="RunnerConfiguration"/>, naming the key and the allowed values on every mismatch.</summary>
internal sealed class ConfigurationReader(string path)
{
    public RunnerConfiguration Read(JsonElement root)
    {
        var defaults = RunnerConfiguration.Default;
        Expect(root, JsonValueKind.Object, "(root)", "an object");
        var language = Section(root, "language");
        var runtime = Section(root, "runtime");
        var chaos = Section(root, "chaos");

        return new RunnerConfiguration(
            String(language, "feature", "language.feature") ?? defaults.FeatureLanguage,
            BindingAssemblies(root),
            Outcome(runtime) ?? defaults.MissingOrPendingStepsOutcome,
            Bool(runtime, "stopAtFirstError", "runtime.stopAtFirstError") ?? defaults.StopAtFirstError,
            PositiveInt(runtime, "scenarioTimeoutSeconds", "runtime.scenarioTimeoutSeconds") ?? defaults.ScenarioTimeoutSeconds,
            chaos is { } c ? Chaos(c) : ChaosSettings.Default,
            Formatters(root));
    }

    private ChaosSettings Chaos(JsonElement chaos) => new(
        PositiveInt(chaos, "maxCombinations", "chaos.maxCombinations") ?? ChaosSettings.Default.MaxCombinations,
        String(chaos, "resultsDirectory", "chaos.resultsDirectory") ?? ChaosSettings.Default.ResultsDirectory,
        chaos.Clone());

    private IReadOnlyList<string> BindingAssemblies(JsonElement root)
    {
        if (Property(root, "bindingAssemblies") is not { } list)
            return [];
        Expect(list, JsonValueKind.Array, "bindingAssemblies", "an array of {\"assembly\": \"Name\"}");
        return list.EnumerateArray()
            .Select((item, i) =>
            {
                var key = $"bindingAssemblies[{i}].assembly";
                Expect(item, JsonValueKind.Object, $"bindingAssemblies[{i}]", "an object {\"assembly\": \"Name\"}");
                return String(item, "assembly", key) is { Length: > 0 } name ? name : throw Error(key, "a non-empty assembly name");
            })
            .ToList();
    }

    private IReadOnlyDictionary<string, string?> Formatters(JsonElement root)
    {
        var formatters = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Property(root, "formatters") is not { } section)
            return formatters;
        Expect(section, JsonValueKind.Object, "formatters", "an object of formatter name -> {\"outputFilePath\": \"...\"}");
        foreach (var formatter in section.EnumerateObject())
        {
            Expect(formatter.Value, JsonValueKind.Object, $"formatters.{formatter.Name}", "an object {\"outputFilePath\": \"...\"}");
            formatters[formatter.Name] = String(formatter.Value, "outputFilePath", $"formatters.{formatter.Name}.outputFilePath");
        }
        return formatters;
    }

    private MissingOrPendingStepsOutcome? Outcome(JsonElement? runtime)
    {
        const string key = "runtime.missingOrPendingStepsOutcome";
        if (String(runtime, "missingOrPendingStepsOutcome", key) is not { } text)
            return null;
        return Enum.TryParse<MissingOrPendingStepsOutcome>(text, ignoreCase: true, out var outcome) && !int.TryParse(text, out _)
            ? outcome
            : throw Error(key, $"one of {string.Join(", ", Enum.GetNames<MissingOrPendingStepsOutcome>())}, got \"{text}\"");
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

    private bool? Bool(JsonElement? parent, string name, string key) => Property(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } value => throw Error(key, $"true or false, got {value.GetRawText()}"),
    };

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
