using System.Collections;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Seeds;

namespace ChaosFeatures.Steps.Run;

/// <summary>
/// The run-wide chaos settings, read once before the first scenario: the seeds (<c>CHAOS_GEN_SEED</c>,
/// <c>CHAOS_SCHED</c>) and where events go (<c>CHAOS_RESULTS_DIR</c>, else reqnroll.json's
/// <c>chaos.resultsDirectory</c> relative to the suite root; <c>CHAOS_RUN_ID</c>) and the servers under test features
/// can name (reqnroll.json's <c>chaos.servers</c>, each checked here). A bad value throws <see cref="ChaosConfigurationException"/>
/// (a variable) or <see cref="ConfigurationException"/> (reqnroll.json) whose message is the one line to show.
/// </summary>
/// <param name="ResultsFolder">Absolute folder that holds run directories.</param>
/// <param name="RunId">CHAOS_RUN_ID when set; null = a fresh id per run (timestamp and pid).</param>
public sealed record ChaosRunSettings(ChaosSeeds Seeds, string ResultsFolder, string? RunId, string SuiteRoot)
{
    /// <summary>reqnroll.json's <c>chaos.servers</c>, already checked by <see cref="From"/>; see <see cref="Server"/>.</summary>
    public ServerSettings Servers { get; init; } = ServerSettings.None;

    /// <summary>The configured server <paramref name="name"/>; commands in it run from the suite root.</summary>
    /// <exception cref="InvalidOperationException">No such entry; the message lists the known ones.</exception>
    public ConfiguredServer Server(string name) => Servers.Find(name) is { } setting
        ? ConfiguredServer.From(setting, ConfigurationPath)
        : throw new InvalidOperationException($"no server \"{name}\" under chaos.servers in {ConfigurationPath}; configured: {Servers}");

    private string ConfigurationPath => Path.Combine(SuiteRoot, SuiteConfiguration.FileName);

    public static ChaosRunSettings FromEnvironment() =>
        From(Environment.GetEnvironmentVariables(), [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    /// <param name="environment">Variable name -> value, as <see cref="Environment.GetEnvironmentVariables()"/> gives them.</param>
    /// <param name="searchFrom">Folders to look above for reqnroll.json, in order, when <c>CHAOS_SUITE_ROOT</c> is not set.</param>
    public static ChaosRunSettings From(IDictionary environment, IReadOnlyList<string> searchFrom)
    {
        string? Get(string name) => environment[name] as string;
        var seeds = ChaosSeeds.Parse(Get(ChaosSeeds.GenSeedVariable), Get(SchedulerSpec.Variable));
        // Without a suite (a plain Reqnroll project with no reqnroll.json above it) results go under the current directory.
        var home = SuiteHome.TryLocate(Get(Gherkin.Configuration.SuiteRoot.EnvironmentVariable), searchFrom);
        var chaos = home?.Configuration.Chaos ?? ChaosSettings.Default;
        var folder = Get(ChaosResultsLocation.DirectoryVariable);
        if (string.IsNullOrEmpty(folder) && home is not null)
            folder = chaos.ResultsDirectory;
        var suiteRoot = home?.Root ?? Directory.GetCurrentDirectory();
        var runId = Get(ChaosResultsLocation.RunIdVariable) is { Length: > 0 } id ? id : null;
        var settings = new ChaosRunSettings(seeds, Path.GetFullPath(string.IsNullOrEmpty(folder) ? "chaos-results" : folder, suiteRoot), runId, suiteRoot)
        {
            Servers = chaos.Servers,
        };
        settings.NewLocation(); // validates the run id now, where it enters
        foreach (var server in chaos.Servers.All) ConfiguredServer.From(server, home!.ConfigurationPath); // and the servers, where they enter
        return settings;
    }

    /// <summary>Where a run with these settings writes (a fresh run id each call unless <see cref="RunId"/> is set).</summary>
    public ChaosResultsLocation NewLocation() => ChaosResultsLocation.Resolve(ResultsFolder, RunId, SuiteRoot);
}
