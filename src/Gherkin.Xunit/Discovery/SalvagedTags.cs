using System.Text.RegularExpressions;

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

    [GeneratedRegex(@"@(\S+)")]
    private static partial Regex Tag();
}
