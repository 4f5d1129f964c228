using System.Collections.Concurrent;
using System.Globalization;
using ChaosFeatures.Gherkin.Messages;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Suite;
using Reqnroll;

namespace ChaosFeatures.Gherkin.Running;

/// <summary>
/// One Reqnroll <see cref="FeatureInfo"/> per feature file for the whole run (Reqnroll tells features apart
/// by reference), carrying the feature's Cucumber messages for the planned cases, and each case's pickle index.
/// </summary>
internal sealed class FeatureInfos(FeatureSuite suite, IReadOnlyList<TestCase> planned, bool withMessages)
{
    private readonly ConcurrentDictionary<string, Lazy<Entry>> _byPath = new(StringComparer.Ordinal);

    private sealed record Entry(FeatureInfo Info, IReadOnlyDictionary<string, int> PickleIndexById);

    public (FeatureInfo Info, string? PickleIndex) For(TestCase testCase)
    {
        var entry = _byPath.GetOrAdd(testCase.Feature.Path, _ => new Lazy<Entry>(() => Create(testCase.Feature))).Value;
        if (entry.PickleIndexById.TryGetValue(testCase.Id, out var index))
            return (entry.Info, index.ToString(CultureInfo.InvariantCulture));
        return withMessages
            ? throw new InvalidOperationException($"test case '{testCase.Id}' was not planned for this run, so it has no pickle in the reports")
            : (entry.Info, null);
    }

    /// <summary>The feature's info, if a case of it has run.</summary>
    public FeatureInfo? Started(string featurePath) =>
        _byPath.TryGetValue(featurePath, out var entry) && entry.IsValueCreated ? entry.Value.Info : null;

    /// <summary>Without messages a case of any feature can run (freeze runs shrunk and frozen variants); with them the feature must be in the suite.</summary>
    private Entry Create(FeatureDescriptor feature)
    {
        var path = feature.Path;
        var cases = planned.Where(c => c.Feature.Path == path).ToList();
        var messages = withMessages
            ? new FeatureMessages(FeatureMessagesBuilder.Build(suite.Parsed.FirstOrDefault(p => p.Path == path)
                ?? throw new InvalidOperationException($"feature '{path}' is not part of the suite under {suite.Root}"), cases))
            : null;
        var slash = path.LastIndexOf('/');
        var info = new FeatureInfo(Culture(feature.Language), slash < 0 ? "" : path[..slash], feature.Title, feature.Description,
            ProgrammingLanguage.CSharp, [.. feature.Tags], messages);
        return new Entry(info, cases.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal));
    }

    /// <summary>
    /// The feature's culture, made specific: a Gherkin dialect names a neutral one ("en" for en-US files), and Reqnroll
    /// turns a neutral culture into a specific one by loading the whole Gherkin dialect again on every binding call.
    /// </summary>
    private static CultureInfo Culture(string language)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(language);
            return culture.IsNeutralCulture ? CultureInfo.CreateSpecificCulture(culture.Name) : culture;
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en-US");
        }
    }
}
