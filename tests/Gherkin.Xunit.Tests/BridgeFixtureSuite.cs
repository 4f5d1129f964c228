using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Gherkin.Xunit.Tests;

/// <summary>
/// Builds tests/Fixtures/BridgeFixture once: a suite that fails on purpose (undefined, pending,
/// malformed, Rule:, blocking, skipped) next to good scenarios.
/// </summary>
/// <remarks>
/// One instance for every test class that runs it (<see cref="BridgeFixtureCollection"/>): two builds of the same
/// project at once collide on its output files ("being used by another process"), as a fresh-clone CI run showed.
/// </remarks>
public sealed class BridgeFixtureSuite : IAsyncLifetime
{
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    public string RepoRoot { get; } = FindRepoRoot();
    public string ProjectDirectory => Path.Combine(RepoRoot, "tests", "Fixtures", "BridgeFixture");
    public string ResultsDirectory { get; } = Path.Combine(Path.GetTempPath(), "bridge-fixture-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        // Only the fixture itself: its references are built before this project (a build-order reference in its csproj).
        // Building them again here raced the solution's build of the same src projects (a fresh-clone CI run: "could not
        // copy ChaosFeatures.Gherkin.dll"); without the build-order reference they could still be unbuilt ("metadata file not found").
        var build = await DotnetCli.RunAsync(ProjectDirectory, Bound, "build", "--no-dependencies", "-nologo", "-v", "q");
        if (build.ExitCode != 0) throw new InvalidOperationException("The bridge fixture did not build:\n" + build.Output);
    }

    /// <summary>Runs <c>dotnet test</c> on the fixture (already built) and returns its TRX results.</summary>
    internal Task<(BoundedProcess.Result Run, IReadOnlyList<TrxResult> Results)> TestAsync(params string[] extra) =>
        TestAsync(new Dictionary<string, string>(), extra);

    internal async Task<(BoundedProcess.Result Run, IReadOnlyList<TrxResult> Results)> TestAsync(IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        var trx = Guid.NewGuid().ToString("N") + ".trx";
        string[] arguments = ["test", "--no-build", "--logger", $"trx;LogFileName={trx}", "--results-directory", ResultsDirectory, .. extra];
        var run = await DotnetCli.RunAsync(ProjectDirectory, Bound, environment, arguments);
        var path = Path.Combine(ResultsDirectory, trx);
        if (!File.Exists(path)) throw new InvalidOperationException("No TRX was written:\n" + run.Output);
        return (run, TrxReport.Read(path));
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(ResultsDirectory)) Directory.Delete(ResultsDirectory, recursive: true);
        return Task.CompletedTask;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChaosFeatures.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ChaosFeatures.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class BridgeFixtureCollection : ICollectionFixture<BridgeFixtureSuite>
{
    public const string Name = "bridge fixture";
}
