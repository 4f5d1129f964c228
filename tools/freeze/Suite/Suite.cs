using ChaosFeatures.Freeze.Cli;
using ChaosFeatures.Gherkin.Configuration;

namespace ChaosFeatures.Freeze.Suite;

/// <summary>
/// The suite a descriptor belongs to: the folder with <c>reqnroll.json</c> that holds its feature.
/// Searched from <c>CHAOS_SUITE_ROOT</c>, then upwards from the current directory, then upwards from
/// the descriptor (which usually sits in a test project's bin folder, far from the features).
/// </summary>
internal static class Suite
{
    public static SuiteHome Locate(string featurePath, string descriptorPath, string currentDirectory)
    {
        var relative = CheckedRelative(featurePath);
        try
        {
            var fromVariable = Environment.GetEnvironmentVariable(SuiteRoot.EnvironmentVariable) is { Length: > 0 } variable
                ? Path.GetFullPath(variable, currentDirectory)
                : null;
            var roots = SuiteRoot.Candidates(fromVariable, [currentDirectory, Path.GetDirectoryName(Path.GetFullPath(descriptorPath, currentDirectory))!])
                .Where(c => File.Exists(Path.Combine(c, SuiteConfiguration.FileName))).Distinct().ToList();
            if (roots.Count == 0)
                throw new FreezeInputException($"no {SuiteConfiguration.FileName} found above '{currentDirectory}' or the descriptor; run freeze from the suite root");
            var root = roots.FirstOrDefault(r => File.Exists(Path.Combine(r, relative)))
                ?? throw new FreezeInputException($"feature '{featurePath}' no longer exists under {string.Join(" or ", roots)}");
            return SuiteHome.At(root);
        }
        catch (ConfigurationException e)
        {
            throw new FreezeInputException(e.Message, e);
        }
    }

    /// <summary>The default output folder.</summary>
    public static string FrozenDirectory(this SuiteHome suite) => Path.Combine(suite.Root, "features", "frozen");

    // A descriptor naming a file outside the suite is refused rather than followed.
    private static string CheckedRelative(string featurePath)
    {
        var parts = featurePath.Split('/');
        if (Path.IsPathRooted(featurePath) || featurePath.Contains('\\') || parts.Any(p => p is "" or "." or ".."))
            throw new FreezeInputException($"field 'featurePath' must be a repo-relative path inside the suite, got '{featurePath}'");
        return Path.Combine(parts);
    }
}
