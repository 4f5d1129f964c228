using System.Globalization;
using System.Text.Json;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Sharding;
using ChaosFeatures.Merge.Cli;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Merge.Jobs;

/// <summary>
/// <c>job.json</c>: what one nightly job ran, written beside its reports by <c>scripts/nightly-fuzz</c>.
/// <c>{"version":1,"shard":"2/3","genSeed":7,"scheduler":"random:11","iterations":3,"runId":"…","exitCode":0}</c>.
/// </summary>
/// <param name="ExitCode">What <c>dotnet test</c> exited with (124: cut by the time budget).</param>
internal sealed partial record JobManifest(Shard Shard, ulong GenSeed, string Scheduler, int Iterations, string RunId, int ExitCode)
{
    public const string FileName = "job.json";

    /// <summary>The job's name in artifact names, merged ids and reports, e.g. <c>gen7-random-11-s2of3</c>.</summary>
    public string Name => $"gen{GenSeed}-{Scheduler.Replace(':', '-')}-s{Shard.Index}of{Shard.Count}";

    /// <summary>The seed set the job ran under: the shards of one seed set together are one whole run.</summary>
    public string SeedSet => $"gen {GenSeed}, {Scheduler}";

    public static JobManifest Read(string path)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            root = document.RootElement.Clone();
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new MergeInputException($"{path}: not a readable job manifest: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new MergeInputException($"{path}: a job manifest must be a JSON object");
        if (Number(root, path, "version", 1, 1) != 1)
            throw new MergeInputException($"{path}: unknown job manifest version");
        Shard shard;
        try
        {
            shard = Shard.Parse(Text(root, path, "shard"));
        }
        catch (ConfigurationException e)
        {
            throw new MergeInputException($"{path}: 'shard': {e.Message}", e);
        }
        var scheduler = Text(root, path, "scheduler");
        if (!SchedulerForm().IsMatch(scheduler))
            throw new MergeInputException($"{path}: 'scheduler' must be fifo, random:SEED or pct:SEED:DEPTH, got '{scheduler}'");
        return new JobManifest(shard, Seed(root, path, "genSeed"), scheduler,
            (int)Number(root, path, "iterations", 1, int.MaxValue), Text(root, path, "runId"), (int)Number(root, path, "exitCode", 0, 255));
    }

    private static string Text(JsonElement root, string path, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new MergeInputException($"{path}: '{name}' must be a non-empty string");

    // The one seed range (CHAOS_GEN_SEED's): a job may run any ulong seed, so its manifest may hold one.
    private static ulong Seed(JsonElement root, string path, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var seed)
            ? seed
            : throw new MergeInputException($"{path}: '{name}' must be a whole number from {SeedText.Range}");

    private static long Number(JsonElement root, string path, string name, long min, long max) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= min && number <= max
            ? number
            : throw new MergeInputException($"{path}: '{name}' must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    [System.Text.RegularExpressions.GeneratedRegex(@"^(fifo|random:\d+|pct:\d+:\d+)$")]
    private static partial System.Text.RegularExpressions.Regex SchedulerForm();
}
