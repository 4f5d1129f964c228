using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Parsing;

/// <summary>Resolves the paths a user asked for into feature files, sorted by repo-relative path.</summary>
internal static class FeatureFiles
{
    /// <returns>(repo-relative path with forward slashes, absolute path), distinct, ordinal order.</returns>
    public static IReadOnlyList<(string FeaturePath, string FullPath)> Find(string repoRoot, IReadOnlyList<string> paths, List<FeatureLoadError> errors)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(repoRoot, path));
            var files = File.Exists(full) ? [full]
                : Directory.Exists(full) ? Directory.GetFiles(full, "*.feature", SearchOption.AllDirectories)
                : null;
            // A path that finds nothing is an error: a typo must not turn into a smaller green run.
            if (files is null || files.Length == 0)
            {
                var reason = files is null ? "does not exist" : "contains no *.feature files";
                errors.Add(new FeatureLoadError(Relative(repoRoot, full), 0, 0, $"feature path '{path}' {reason} (looked at {full})"));
                continue;
            }
            foreach (var file in files)
                found[Relative(repoRoot, file)] = file;
        }
        return found.Select(pair => (pair.Key, pair.Value)).ToList();
    }

    private static string Relative(string repoRoot, string fullPath) =>
        Path.GetRelativePath(repoRoot, fullPath).Replace('\\', '/');
}
