using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChaosFeatures.Harness.Seeds;

namespace ChaosFeatures.Harness.Replay;

/// <summary>
/// The descriptor's JSON form. Writing is deterministic (fixed property order, <c>\n</c> newlines);
/// reading is strict: unknown version, missing or null fields, unknown fields and out-of-range
/// values are each a <see cref="ReplayDescriptorException"/> naming the field.
/// </summary>
public static class ReplayDescriptorJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Serialize(ReplayDescriptor descriptor) => JsonSerializer.Serialize(descriptor, Options) + "\n";

    /// <param name="source">Names the input in error messages (usually the file path).</param>
    public static ReplayDescriptor Parse(string json, string source)
    {
        ReplayDescriptor? descriptor;
        try
        {
            using var document = JsonDocument.Parse(json);
            CheckVersion(document.RootElement, source);
            descriptor = document.RootElement.Deserialize<ReplayDescriptor>(Options);
        }
        catch (JsonException e)
        {
            throw new ReplayDescriptorException($"{source}: malformed descriptor: {OneLine(e.Message)}", e);
        }
        if (descriptor is null)
            throw new ReplayDescriptorException($"{source}: malformed descriptor: expected a JSON object, got null");
        Validate(descriptor, source);
        return descriptor;
    }

    public static ReplayDescriptor Read(string path)
    {
        string json;
        try { json = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReplayDescriptorException($"{path}: cannot read the descriptor: {OneLine(e.Message)}", e);
        }
        return Parse(json, path);
    }

    // Checked before the shape, so a future version gets "unknown version" rather than a confusing field error.
    private static void CheckVersion(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ReplayDescriptorException($"{source}: malformed descriptor: expected a JSON object, got {root.ValueKind}");
        if (!root.TryGetProperty("version", out var version))
            throw new ReplayDescriptorException($"{source}: field 'version' is missing (expected {ReplayDescriptor.CurrentVersion})");
        if (version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var old) && old is >= 1 and < ReplayDescriptor.CurrentVersion)
            throw new ReplayDescriptorException($"{source}: descriptor version {old} is too old: its seeds were drawn before the draws changed, so they no longer replay the failure (this tool reads version {ReplayDescriptor.CurrentVersion}); run the failing case again to record a new descriptor");
        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != ReplayDescriptor.CurrentVersion)
            throw new ReplayDescriptorException($"{source}: unknown descriptor version {version.GetRawText()} (this tool reads version {ReplayDescriptor.CurrentVersion})");
    }

    private static void Validate(ReplayDescriptor d, string source)
    {
        void Require(bool ok, string field, string expected)
        {
            if (!ok) throw new ReplayDescriptorException($"{source}: field '{field}' must be {expected}");
        }

        Require(d.RunId.Length > 0, "runId", "a non-empty string");
        Require(d.TestId.Length > 0 && !d.TestId.Any(char.IsWhiteSpace), "testId", "a non-empty test id without whitespace");
        Require(d.FeaturePath.EndsWith(".feature", StringComparison.Ordinal), "featurePath", "a repo-relative path ending in .feature");
        Require(d.ScenarioName.Length > 0, "scenarioName", "a non-empty string");
        Require(d.ScenarioLine >= 1, "scenarioLine", "a line number >= 1");
        Require(d.Example is null || (d.Example.Index >= 1 && d.Example.Line >= 1), "example", "null or an object with index >= 1 and line >= 1");
        for (var i = 0; i < d.Mutations.Count; i++)
        {
            var block = d.Mutations[i];
            Require(block.Kind is "one-of" or "any-of", $"mutations[{i}].kind", "\"one-of\" or \"any-of\"");
            Require(block.Line >= 1, $"mutations[{i}].line", "a line number >= 1");
            Require(block.Rows.Count == block.Steps.Count && block.Rows.All(r => r >= 0), $"mutations[{i}].rows", "one non-negative row per chosen step");
            Require(block.Kind == "any-of" || block.Rows.Count == 1, $"mutations[{i}].rows", "exactly one row for a one-of block");
        }
        Require((d.MutationCode is null) == (d.Mutations.Count == 0), "mutationCode", "present exactly when there are mutation blocks");
        Require(d.FuzzedValues.All(f => f.Line >= 1 && f.Expression.Length > 0), "fuzzedValues", "entries with line >= 1 and a non-empty expression");
        Require(d.Seeds.Gen <= long.MaxValue, "seeds.gen", $"at most {long.MaxValue.ToString(CultureInfo.InvariantCulture)}");
        Require(d.Seeds.Sched.Length > 0, "seeds.sched", SchedulerSpec.AcceptedForms);
        try { SchedulerSpec.Parse(d.Seeds.Sched); }
        catch (ChaosConfigurationException) { Require(false, "seeds.sched", SchedulerSpec.AcceptedForms); }
        Require(d.Build is "Debug" or "Release" or "Fuzz", "build", "Debug, Release or Fuzz");
        Require(d.FailingStep is null || (d.FailingStep.Line >= 1 && d.FailingStep.Text.Length > 0), "failingStep", "null or a step with a line >= 1 and text");
        Require(d.DecisionHash.Length == 64 && d.DecisionHash.All(char.IsAsciiHexDigitLower), "decisionHash", "64 lowercase hex digits (SHA-256)");
        Require(d.EventsPath.Length > 0, "eventsPath", "a non-empty path");
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
