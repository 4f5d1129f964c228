using ChaosFeatures.Merge.Tests.Support;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Merge.Tests.EndToEnd;

/// <summary>
/// tests/Fixtures/ShardFixture run for real with <c>dotnet test</c>, once whole and once as each of three shards
/// (<c>CHAOS_SHARD</c>), two iterations per case, each run's messages and chaos results gathered into a job folder
/// with its <c>job.json</c>, as the nightly's jobs upload them. Everything is in a temp folder, deleted afterwards.
/// </summary>
public sealed class ShardedRuns : IAsyncLifetime
{
    public const int Iterations = 2;

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
    private readonly TempFolder _temp = new();

    public string Root => _temp.Path;

    public string Whole => _temp.Combine("jobs-whole", "whole");

    public IReadOnlyList<string> Shards => [.. Enumerable.Range(1, 3).Select(k => _temp.Combine("jobs-sharded", $"shard-{k}"))];

    public string ShardedParent => _temp.Combine("jobs-sharded");

    public string Out(string name) => _temp.Combine("out", name);

    public async Task InitializeAsync()
    {
        var fixture = Path.Combine(RepoRoot(), "tests", "Fixtures", "ShardFixture");
        // Only the fixture: its references are built before this project (see Merge.Tests.csproj).
        var build = await BoundedProcess.RunAsync("dotnet", fixture, Bound, null, "build", "--no-dependencies", "-nologo", "-v", "q");
        if (build.ExitCode != 0) throw new InvalidOperationException("The shard fixture did not build:\n" + build.Output);
        await RunJobAsync(fixture, Whole, "1/1", null);
        for (var k = 1; k <= 3; k++)
            await RunJobAsync(fixture, Shards[k - 1], $"{k}/3", $"{k}/3");
    }

    private static async Task RunJobAsync(string fixture, string folder, string shard, string? variable)
    {
        var runId = "run-" + Path.GetFileName(folder);
        var environment = new Dictionary<string, string>
        {
            ["CHAOS_ITERATIONS"] = Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CHAOS_RUN_ID"] = runId,
            ["CHAOS_RESULTS_DIR"] = Path.Combine(folder, "chaos-results"),
        };
        if (variable is not null) environment["CHAOS_SHARD"] = variable;
        var messages = Path.Combine(fixture, "reports", "cucumber-messages.ndjson");
        if (File.Exists(messages)) File.Delete(messages);
        var run = await BoundedProcess.RunAsync("dotnet", fixture, Bound, environment, "test", "--no-build");
        if (!File.Exists(messages)) throw new InvalidOperationException($"Shard {shard} wrote no messages:\n" + run.Output);
        Directory.CreateDirectory(Path.Combine(folder, "reports"));
        File.Move(messages, Path.Combine(folder, "reports", "cucumber-messages.ndjson"));
        JobFolderWriter.Manifest(folder, shard, iterations: Iterations, runId: runId, exitCode: run.ExitCode);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChaosFeatures.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ChaosFeatures.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class ShardedRunsCollection : ICollectionFixture<ShardedRuns>
{
    public const string Name = "sharded fixture runs";
}
