using System.Text.RegularExpressions;
using ChaosFeatures.Gherkin.Parsing;

namespace ChaosFeatures.Gherkin.Xunit.Discovery;

/// <summary>
/// Tags read line by line, without the parser, for the failing "feature error" tests: a file the parser rejected
/// keeps its feature-level tags, so <c>--filter Category=io</c> still selects the error of a broken io feature.
/// </summary>
internal static partial class SalvagedTags
{
    public static IReadOnlyList<string> Read(string fullPath) => Tags(fullPath, featureOnly: true);

    /// <summary>
    /// Every tag of every feature file under <paramref name="paths"/> (feature, rule, scenario and examples tags), for
    /// an error of the whole suite: it must fail under whatever Category filter the run was started with (a bad
    /// CHAOS_GEN_SEED under <c>--filter Category=io</c> was a run of nothing, and green).
    /// </summary>
    public static IReadOnlyList<string> OfSuite(string root, IReadOnlyList<string> paths) =>
        [.. FeatureFiles.Find(root, paths, []).SelectMany(file => Tags(file.FullPath, featureOnly: false)).Distinct(StringComparer.Ordinal)];

    private static List<string> Tags(string fullPath, bool featureOnly)
    {
        var tags = new List<string>();
        if (!File.Exists(fullPath)) return tags;
        foreach (var raw in File.ReadLines(fullPath))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('@')) tags.AddRange(Tag().Matches(line).Select(m => m.Groups[1].Value));
            else if (featureOnly) break;
        }
        return tags;
    }

    [GeneratedRegex(@"@(\S+)")]
    private static partial Regex Tag();
}
