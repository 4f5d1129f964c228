using System.Collections.Concurrent;
using System.Reflection;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Sharding;
using ChaosFeatures.Gherkin.Suite;

namespace ChaosFeatures.Gherkin.Xunit.Execution;

/// <summary>
/// What one test process shares for a test assembly's features: the configuration, the expanded cases and,
/// while tests execute, the Reqnroll <see cref="SuiteRun"/>. xUnit discovers and executes in separate
/// passes (test cases travel as serialized strings between them), so both come here and the suite is
/// loaded once per process and test assembly.
/// </summary>
internal sealed class SuiteSession
{
    private static readonly ConcurrentDictionary<Assembly, Lazy<SuiteSession>> Sessions = new();

    private readonly SuiteHome _home;

    private SuiteSession(Assembly testAssembly, string root, IReadOnlyList<string> paths)
    {
        TestAssembly = testAssembly;
        _home = SuiteHome.At(root);
        Paths = paths;
        Suite = FeatureSuite.Load(root, paths, ExpansionOptions.FromEnvironment(Configuration));
        try
        {
            Shard = Shard.FromEnvironment();
        }
        catch (ConfigurationException e)
        {
            // Kept rather than thrown: the discoverer reports it as one failing test that every filter selects.
            ShardError = e.Message;
            Shard = Shard.All;
        }
    }

    public Assembly TestAssembly { get; }
    public string Root => _home.Root;
    public IReadOnlyList<string> Paths { get; }
    public SuiteConfiguration Configuration => _home.Configuration;
    public FeatureSuite Suite { get; }

    /// <summary>The part of the suite this process discovers and runs (<c>CHAOS_SHARD</c>).</summary>
    public Shard Shard { get; }

    /// <summary>Why <c>CHAOS_SHARD</c> is unusable, when it is; the run then consists of that one failure.</summary>
    public string? ShardError { get; }

    /// <summary>The Reqnroll run, between the assembly runner's start and end; null while listing tests.</summary>
    public SuiteRun? Run { get; set; }

    /// <summary>Why the run could not start, when it could not; every case then fails with it.</summary>
    public string? RunError { get; set; }

    /// <summary>The assembly's session; throws a one-line <see cref="ConfigurationException"/> for bad settings and for a second, different feature list.</summary>
    public static SuiteSession For(Assembly testAssembly, string root, IReadOnlyList<string> paths)
    {
        var session = Sessions.GetOrAdd(testAssembly, _ => new Lazy<SuiteSession>(() => new SuiteSession(testAssembly, root, paths))).Value;
        if (session.Root != root || !session.Paths.SequenceEqual(paths))
            throw new ConfigurationException(
                $"one [GherkinFeatures] per test assembly (Reqnroll runs one test run per assembly); list every path in it instead of '{string.Join(", ", paths)}' beside '{string.Join(", ", session.Paths)}'");
        return session;
    }

    public static SuiteSession? Of(Assembly testAssembly) =>
        Sessions.TryGetValue(testAssembly, out var session) && session.IsValueCreated ? session.Value : null;
}
