using System.Text.Json.Nodes;

namespace ChaosFeatures.Merge.Tests.Support;

/// <summary>Writes a job folder's <c>job.json</c> as <c>scripts/nightly-fuzz</c> does.</summary>
internal static class JobFolderWriter
{
    public static void Manifest(string folder, string shard, ulong genSeed = 1, string scheduler = "fifo", int iterations = 1, string runId = "run", int exitCode = 0)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "job.json"), new JsonObject
        {
            ["version"] = 1, ["shard"] = shard, ["genSeed"] = genSeed, ["scheduler"] = scheduler,
            ["iterations"] = iterations, ["runId"] = runId, ["exitCode"] = exitCode,
        }.ToJsonString());
    }
}
