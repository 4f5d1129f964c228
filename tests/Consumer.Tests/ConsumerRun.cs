using System.Globalization;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Consumer.Tests;

/// <summary>
/// Everything the consumer tests look at, done once (it is slow): pack this repository's built projects to a folder
/// feed with a fresh prerelease version, write the consumer project, restore its freeze tool, run its suite green,
/// run it again with its planted bug, freeze the first failure with the packaged tool, and run the frozen scenario
/// with and without the bug. Runs after the first use --no-build: features are found at run time. Every process is
/// bounded; the temp folder (feed, packages, project, results) is deleted at the end.
/// </summary>
public sealed class ConsumerRun : IAsyncLifetime
{
    public const string BugVariable = "GREETING_CLIENT_BUG";

    private static readonly TimeSpan PackBound = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan BuildBound = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(4);

    private DirectoryInfo? _temp;
    private Dictionary<string, string> _environment = [];

    public string Root => _temp!.FullName;
    public string Feed => Path.Combine(Root, "feed");
    public string Version { get; } = $"{RepositoryLayout.VersionPrefix}-consumer.{DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}.{Environment.ProcessId}";
    public string ProjectFolder { get; private set; } = "";

    internal BoundedProcess.Result Pack { get; private set; } = Empty;
    internal BoundedProcess.Result ToolRestore { get; private set; } = Empty;
    internal BoundedProcess.Result Green { get; private set; } = Empty;
    internal BoundedProcess.Result PlantedBug { get; private set; } = Empty;
    internal BoundedProcess.Result Freeze { get; private set; } = Empty;
    internal BoundedProcess.Result FrozenWithBug { get; private set; } = Empty;
    internal BoundedProcess.Result FrozenFixed { get; private set; } = Empty;

    /// <summary>The descriptor the first failure of the planted-bug run names, and the feature freeze wrote from it.</summary>
    public string? Descriptor { get; private set; }
    public string? FrozenFeature { get; private set; }

    private static BoundedProcess.Result Empty => new(-1, "(not run)");

    public async Task InitializeAsync()
    {
        _temp = Directory.CreateTempSubdirectory("chaos-consumer-");
        // Its own package folder: this run's ChaosFeatures packages land there, nowhere shared.
        _environment = new() { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages") };

        var suffix = Version[(RepositoryLayout.VersionPrefix.Length + 1)..];
        Pack = await DotnetAsync(RepositoryLayout.Root, PackBound, null, "pack", Path.Combine(RepositoryLayout.Root, "ChaosFeatures.sln"),
            "--no-build", "-c", RepositoryLayout.Configuration, "-o", Feed, $"-p:VersionSuffix={suffix}", "-nologo");
        if (Pack.ExitCode != 0) return;

        ProjectFolder = ConsumerProject.Write(Root, Feed, Version).Folder;
        ToolRestore = await DotnetAsync(ProjectFolder, BuildBound, null, "tool", "restore");
        Green = await DotnetAsync(ProjectFolder, BuildBound, null, "test");
        if (Green.ExitCode != 0) return;

        PlantedBug = await DotnetAsync(ProjectFolder, RunBound, Bug, "test", "--no-build");
        Descriptor = LineValue(PlantedBug.Output, "Replay descriptor: ");
        if (Descriptor is null || ToolRestore.ExitCode != 0) return;

        Freeze = await DotnetAsync(ProjectFolder, RunBound, null, "tool", "run", "freeze", "--", Descriptor);
        FrozenFeature = LineValue(Freeze.Output, "frozen: ");
        if (FrozenFeature is null) return;
        FrozenWithBug = await DotnetAsync(ProjectFolder, RunBound, Bug, "test", "--no-build", "--filter", "Category=frozen");
        FrozenFixed = await DotnetAsync(ProjectFolder, RunBound, null, "test", "--no-build", "--filter", "Category=frozen");
    }

    public Task DisposeAsync()
    {
        try { _temp?.Delete(recursive: true); }
        catch (IOException) { } // a process the bound killed may still hold a file a moment; the folder is the OS's temp
        return Task.CompletedTask;
    }

    private static Dictionary<string, string> Bug => new() { [BugVariable] = "1" };

    private Task<BoundedProcess.Result> DotnetAsync(string folder, TimeSpan bound, Dictionary<string, string>? extra, params string[] arguments)
    {
        var environment = new Dictionary<string, string>(_environment);
        foreach (var (key, value) in extra ?? []) environment[key] = value;
        return BoundedProcess.RunAsync("dotnet", folder, bound, environment, arguments);
    }

    /// <summary>The rest of the first line that starts (after indentation) with <paramref name="prefix"/>.</summary>
    private static string? LineValue(string output, string prefix) =>
        output.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim().Trim('"');
}

[CollectionDefinition(Name)]
public sealed class ConsumerCollection : ICollectionFixture<ConsumerRun>
{
    public const string Name = "packaged consumer";
}
