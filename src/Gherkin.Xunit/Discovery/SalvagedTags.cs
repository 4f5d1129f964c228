using System.Text.RegularExpressions;
using ChaosFeatures.Gherkin.Parsing;

namespace ChaosFeatures.Gherkin.Xunit.Discovery;

/// <summary>
/// The feature-level tags of a file the parser rejected, read line by line, so that the failing
/// "feature error" test is still selected by <c>--filter Category=io</c> for a broken io feature.
/// </summary>
internal static partial class SalvagedTags
{
    public static IReadOnlyList<string> Read(string fullPath)
    {
        if (!File.Exists(fullPath)) return [];
        var tags = new List<string>();
        foreach (var raw in File.ReadLines(fullPath))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (!line.StartsWith('@')) break;
            tags.AddRange(Tag().Matches(line).Select(m => m.Groups[1].Value));
        }
        return tags;
    }

    /// <summary>
    /// The feature-level tags of every feature file under <paramref name="paths"/>, for an error of the whole suite: it
    /// must fail under whatever Category filter the run was started with (a bad CHAOS_GEN_SEED under
    /// <c>--filter Category=io</c> was a run of nothing, and green).
    /// </summary>
    public static IReadOnlyList<string> OfSuite(string root, IReadOnlyList<string> paths) =>
        [.. FeatureFiles.Find(root, paths, []).SelectMany(file => Read(file.FullPath)).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"@(\S+)")]
    private static partial Regex Tag();
}
