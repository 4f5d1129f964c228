using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChaosFeatures.Merge.Cli;
using ChaosFeatures.Merge.Jobs;

namespace ChaosFeatures.Merge.Messages;

/// <summary>
/// The jobs' Cucumber Messages streams as one test run: one <c>testRunStarted</c> (the earliest) and <c>meta</c>, then
/// every job's sources, documents, pickles, definitions and results with the job's ids prefixed (<see cref="JobIds"/>)
/// and one <c>testRunFinished</c> (the latest, successful only if every job's run was). Each job's features sit under
/// its name (<c>gen7-random-11-s2of3/features/x.feature</c>): each job's document has its own ids, and Cucumber's
/// report shows nothing for a feature given twice. A pickle's name gets its seed set and its tags <c>@gen:G</c>,
/// <c>@sched:S</c> and <c>@shard:k/N</c>, so every report tells the jobs apart and can be filtered by them. The jobs
/// must have run the same feature texts. Jobs without a stream are left out (the summary names them).
/// </summary>
internal static class MergedStream
{
    public const string RunId = "merged-run";

    /// <param name="time">The clock of the run's start when no job recorded one (default the system's).</param>
    public static void Write(IReadOnlyList<JobFolder> jobs, Stream output, TimeProvider? time = null)
    {
        var withMessages = jobs.Where(j => j.MessagesPath is not null).ToList();
        var (meta, started, finished, success) = RunBounds(withMessages, time ?? TimeProvider.System);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(Envelope("testRunStarted", new JsonObject { ["timestamp"] = started?.DeepClone(), ["id"] = RunId }));
        if (meta is not null)
            writer.WriteLine(meta.ToJsonString());
        var sources = new Dictionary<string, (string Data, string Job)>(StringComparer.Ordinal);
        foreach (var job in withMessages)
        {
            var prefix = job.Manifest.Name + "/";
            foreach (var (envelope, type, at) in Read(job.MessagesPath!))
            {
                if (type is "meta" or "testRunStarted" or "testRunFinished")
                    continue;
                if (type == "source")
                    CheckSameText(envelope["source"]!, sources, job, at);
                JobIds.Prefix(envelope, prefix, RunId);
                if (envelope[type] is JsonObject { } message && message["uri"] is JsonValue uri)
                    message["uri"] = prefix + uri.GetValue<string>();
                if (type == "pickle")
                    MarkPickle(envelope["pickle"]!.AsObject(), job.Manifest);
                writer.WriteLine(envelope.ToJsonString());
            }
        }
        writer.WriteLine(Envelope("testRunFinished", new JsonObject
        {
            ["success"] = success && withMessages.Count > 0,
            ["timestamp"] = (finished ?? started)?.DeepClone(),
            ["testRunStartedId"] = RunId,
        }));
    }

    private static (JsonNode? Meta, JsonNode? Started, JsonNode? Finished, bool Success) RunBounds(IReadOnlyList<JobFolder> jobs, TimeProvider time)
    {
        JsonNode? meta = null, started = null, finished = null;
        var success = true;
        foreach (var job in jobs)
        {
            var ended = false;
            foreach (var (envelope, type, _) in Read(job.MessagesPath!))
            {
                switch (type)
                {
                    case "meta": meta ??= envelope; break;
                    case "testRunStarted": started = Earlier(started, envelope["testRunStarted"]!["timestamp"]); break;
                    case "testRunFinished":
                        ended = true;
                        finished = Later(finished, envelope["testRunFinished"]!["timestamp"]);
                        success &= envelope["testRunFinished"]!["success"]?.GetValue<bool>() == true;
                        break;
                }
            }
            success &= ended;
        }
        started ??= Timestamp(time.GetUtcNow());
        return (meta, started, finished, success);
    }

    private static void CheckSameText(JsonNode source, Dictionary<string, (string Data, string Job)> sources, JobFolder job, string at)
    {
        var uri = source["uri"]?.GetValue<string>() ?? throw new MergeInputException($"{at}: a source without a uri");
        var data = source["data"]?.GetValue<string>() ?? "";
        if (!sources.TryAdd(uri, (data, job.Manifest.Name)) && sources[uri].Data != data)
            throw new MergeInputException($"jobs {sources[uri].Job} and {job.Manifest.Name} ran different texts of {uri}: merge the jobs of one commit");
    }

    private static void MarkPickle(JsonObject pickle, Jobs.JobManifest job)
    {
        pickle["name"] = $"{pickle["name"]?.GetValue<string>()} [{job.SeedSet}]";
        var node = pickle["astNodeIds"]?.AsArray().FirstOrDefault()?.GetValue<string>() ?? "";
        var tags = pickle["tags"] as JsonArray ?? [];
        foreach (var tag in new[] { $"@gen:{job.GenSeed}", $"@sched:{job.Scheduler}", $"@shard:{job.Shard}" })
            tags.Add(new JsonObject { ["name"] = tag, ["astNodeId"] = node });
        pickle["tags"] = tags;
    }

    /// <summary>Each line of a stream with its envelope type and its place (<c>file:line</c>, for errors).</summary>
    private static IEnumerable<(JsonObject Envelope, string Type, string At)> Read(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
                continue;
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException e)
            {
                throw new MergeInputException($"{path}:{number}: not a Cucumber message: {e.Message}", e);
            }
            if (node is not JsonObject { Count: 1 } envelope)
                throw new MergeInputException($"{path}:{number}: not a Cucumber message: an envelope is an object with one message");
            yield return (envelope, envelope.First().Key, $"{path}:{number}");
        }
    }

    private static string Envelope(string type, JsonObject message) => new JsonObject { [type] = message }.ToJsonString();

    private static JsonNode Timestamp(DateTimeOffset now)
    {
        return new JsonObject { ["seconds"] = now.ToUnixTimeSeconds(), ["nanos"] = (int)(now.Ticks % TimeSpan.TicksPerSecond * 100) };
    }

    private static JsonNode? Earlier(JsonNode? a, JsonNode? b) => a is null ? b : b is null ? a : Nanos(b) < Nanos(a) ? b : a;

    private static JsonNode? Later(JsonNode? a, JsonNode? b) => a is null ? b : b is null ? a : Nanos(b) > Nanos(a) ? b : a;

    private static decimal Nanos(JsonNode timestamp) =>
        timestamp["seconds"]!.GetValue<long>() * 1_000_000_000m + (timestamp["nanos"]?.GetValue<long>() ?? 0);
}
