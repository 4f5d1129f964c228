using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Parsing;

/// <summary>
/// Gherkin 5 predates <c>Rule:</c> and <c>Example:</c>: it folds such lines into a description (losing
/// the scenarios under them) or fails with an unhelpful "expected ..." message. We scan the raw
/// text first and name the line and the fix instead. Doc string contents are left alone.
/// </summary>
internal static class UnsupportedKeywordScanner
{
    private static readonly (string Keyword, string Advice)[] Unsupported =
    [
        ("Rule:", "`Rule:` is not supported by this Gherkin 5 runtime; move its scenarios to their own feature file or tag them instead"),
        ("Example:", "`Example:` is not supported by this Gherkin 5 runtime; use `Scenario:`"),
    ];

    public static IReadOnlyList<FeatureLoadError> Scan(string featurePath, string source)
    {
        var errors = new List<FeatureLoadError>();
        string? openDocString = null;
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (openDocString is not null)
            {
                if (trimmed.StartsWith(openDocString, StringComparison.Ordinal))
                    openDocString = null;
                continue;
            }
            if (trimmed.StartsWith("\"\"\"", StringComparison.Ordinal) || trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                openDocString = trimmed[..3];
                continue;
            }
            foreach (var (keyword, advice) in Unsupported)
            {
                if (trimmed.StartsWith(keyword, StringComparison.Ordinal))
                    errors.Add(new FeatureLoadError(featurePath, i + 1, lines[i].Length - trimmed.Length + 1, advice));
            }
        }
        return errors;
    }
}
