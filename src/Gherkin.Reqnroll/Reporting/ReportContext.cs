using System.Collections.Concurrent;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Sharding;
using ChaosFeatures.Gherkin.Suite;
using Reqnroll.Formatters.Configuration;

namespace ChaosFeatures.Gherkin.Reporting;

/// <summary>
/// What the formatters of a run share: the suite (our chaos page lists every case, run or not), the cases
/// planned for this run, where relative report paths start (the suite root, whatever the working
/// directory), the shard of the suite the run covers, and the reports that could not be written, which fail
/// the run at its end.
/// </summary>
internal sealed class ReportContext(FeatureSuite suite, IReadOnlyList<TestCase> planned, Shard shard)
{
    private readonly ConcurrentQueue<string> _failures = new();

    public FeatureSuite Suite { get; } = suite;

    public IReadOnlyList<TestCase> Planned { get; } = planned;

    /// <summary>The cases of this run's shard, run or not: what the chaos page lists.</summary>
    public IReadOnlyList<TestCase> ShardCases { get; } = [.. suite.TestCases.Where(c => shard.Holds(c.Id))];

    /// <summary>The feature errors reported in this run's shard (each goes to exactly one shard).</summary>
    public IReadOnlyList<FeatureLoadError> ShardErrors { get; } = [.. suite.Errors.Where(e => shard.HoldsFeatureError(e.FeaturePath))];

    public IReadOnlyList<string> Failures => [.. _failures];

    public void Failed(string problem) => _failures.Enqueue(problem);

    /// <summary>The formatter's <c>outputFilePath</c> with Reqnroll's placeholders resolved, made absolute under the suite root.</summary>
    public string OutputPath(IFormattersConfigurationProvider configuration, string? configured, string defaultRelativePath)
    {
        var path = string.IsNullOrWhiteSpace(configured) ? defaultRelativePath : configuration.ResolveTemplatePlaceholders(configured.Trim());
        return Path.GetFullPath(path, Suite.Root);
    }

    public static string? ConfiguredPath(IDictionary<string, object> formatterConfiguration) =>
        formatterConfiguration.TryGetValue("outputFilePath", out var value) ? value?.ToString() : null;
}
