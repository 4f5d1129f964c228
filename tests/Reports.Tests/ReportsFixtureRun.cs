namespace ChaosFeatures.Reports.Tests;

/// <summary>
/// Builds tests/Reports.Tests/Fixture and runs it once with <c>dotnet test --filter Category!=wip</c>, so its
/// reports come from the real bridge wiring and hold passed, failed, undefined and not-run cases.
/// </summary>
public sealed class ReportsFixtureRun : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    public string RepoRoot { get; } = FindRepoRoot();

    public string FixtureDirectory => Path.Combine(RepoRoot, "tests", "Reports.Tests", "Fixture");

    public string Report(string name) => Path.Combine(FixtureDirectory, "reports", name);

    public async Task InitializeAsync()
    {
        var reports = Path.Combine(FixtureDirectory, "reports");
        if (Directory.Exists(reports)) Directory.Delete(reports, recursive: true);
        // Only the fixture: its references are built before this project (see Reports.Tests.csproj).
        var build = await Tool.RunAsync("dotnet", FixtureDirectory, Bound, "build", "--no-dependencies", "-nologo", "-v", "q");
        if (build.ExitCode != 0) throw new InvalidOperationException("The reports fixture did not build:\n" + build.Output);
        var run = await Tool.RunAsync("dotnet", FixtureDirectory, Bound, "test", "--no-build", "--filter", "Category!=wip");
        if (run.ExitCode == 0) throw new InvalidOperationException("The reports fixture fails on purpose, but its run passed:\n" + run.Output);
        if (!File.Exists(Report("cucumber-messages.ndjson"))) throw new InvalidOperationException("The run wrote no reports:\n" + run.Output);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChaosFeatures.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ChaosFeatures.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class ReportsCollection : ICollectionFixture<ReportsFixtureRun>
{
    public const string Name = "reports fixture run";
}
