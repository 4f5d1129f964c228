using ChaosFeatures.Freeze.Cli;
using ChaosFeatures.Gherkin.Configuration;

namespace ChaosFeatures.Freeze.Suite;

/// <summary>
/// The suite a descriptor belongs to: the folder with <c>reqnroll.json</c> that holds its feature.
/// Searched from <c>CHAOS_SUITE_ROOT</c>, then upwards from the current directory, then upwards from
/// the descriptor (which usually sits in a test project's bin folder, far from the features).
/// </summary>
internal sealed record Suite(string Root, SuiteConfiguration Configuration)
{
    public static Suite Locate(string featurePath, string descriptorPath, string currentDirectory)
    {
        var relative = CheckedRelative(featurePath);
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(SuiteRoot.EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            candidates.Add(Path.GetFullPath(fromEnvironment, currentDirectory));
        candidates.AddRange(Upwards(currentDirectory));
        candidates.AddRange(Upwards(Path.GetDirectoryName(Path.GetFullPath(descriptorPath, currentDirectory))!));
        var roots = candidates.Where(c => File.Exists(Path.Combine(c, SuiteConfiguration.FileName))).Distinct().ToList();
        if (roots.Count == 0)
            throw new FreezeInputException($"no {SuiteConfiguration.FileName} found above '{currentDirectory}' or the descriptor; run freeze from the suite root");
        var root = roots.FirstOrDefault(r => File.Exists(Path.Combine(r, relative)))
            ?? throw new FreezeInputException($"feature '{featurePath}' no longer exists under {string.Join(" or ", roots)}");
        try
        {
            return new Suite(root, SuiteConfiguration.Load(Path.Combine(root, SuiteConfiguration.FileName)));
        }
        catch (ConfigurationException e)
        {
            throw new FreezeInputException(e.Message, e);
        }
    }

    /// <summary>The default output folder.</summary>
    public string FrozenDirectory => Path.Combine(Root, "features", "frozen");

    // A descriptor naming a file outside the suite is refused rather than followed.
    private static string CheckedRelative(string featurePath)
    {
        var parts = featurePath.Split('/');
        if (Path.IsPathRooted(featurePath) || featurePath.Contains('\\') || parts.Any(p => p is "" or "." or ".."))
            throw new FreezeInputException($"field 'featurePath' must be a repo-relative path inside the suite, got '{featurePath}'");
        return Path.Combine(parts);
    }

    private static IEnumerable<string> Upwards(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            yield return dir.FullName;
    }
}
