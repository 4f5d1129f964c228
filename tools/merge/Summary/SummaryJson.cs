using System.Text.Encodings.Web;
using System.Text.Json;
using ChaosFeatures.Merge.Cli;
using ChaosFeatures.Merge.Trend;

namespace ChaosFeatures.Merge.Summary;

/// <summary>The summary's JSON form; reading a previous night's summary takes only its nights, checked.</summary>
internal static class SummaryJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static void Write(NightSummary summary, Stream output) => JsonSerializer.Serialize(output, summary, Options);

    /// <summary>The nights a previous merge's summary carries.</summary>
    public static IReadOnlyList<NightRecord> PreviousNights(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
                || version.GetInt32() != NightSummary.CurrentVersion)
                throw new MergeInputException($"{path}: not a merge summary of version {NightSummary.CurrentVersion} (its 'version')");
            if (!root.TryGetProperty("nights", out var nights) || nights.ValueKind != JsonValueKind.Array)
                throw new MergeInputException($"{path}: a merge summary needs its 'nights' array");
            return nights.Deserialize<List<NightRecord>>(Options) ?? throw new MergeInputException($"{path}: 'nights' is null");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            throw new MergeInputException($"{path}: not a readable merge summary: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }
}
