namespace ChaosFeatures.Gherkin.Configuration;

/// <summary>
/// The folder a suite's relative paths start from: <c>CHAOS_SUITE_ROOT</c> when set, otherwise the
/// nearest folder above the start that holds <c>reqnroll.json</c>. The bridge, freeze and the step
/// library all find it here (see <see cref="SuiteHome"/>), so they agree on where features, reports and chaos results live.
/// </summary>
public static class SuiteRoot
{
    public const string EnvironmentVariable = "CHAOS_SUITE_ROOT";

    /// <summary>The root above the first of <paramref name="startDirectories"/> that has one; throws with the reason when none does.</summary>
    public static string Locate(params string[] startDirectories) =>
        TryLocate(Environment.GetEnvironmentVariable(EnvironmentVariable), startDirectories) ?? throw new ConfigurationException(
            $"no {SuiteConfiguration.FileName} found in '{string.Join("' or '", startDirectories)}' or any folder above; set {EnvironmentVariable} to the suite root");

    /// <summary>As <see cref="Locate"/>, but null when no folder holds reqnroll.json (a bad <c>CHAOS_SUITE_ROOT</c> still throws).</summary>
    /// <param name="fromVariable">The value of <c>CHAOS_SUITE_ROOT</c> (passed in, so callers that read their environment from elsewhere agree).</param>
    public static string? TryLocate(string? fromVariable, IReadOnlyList<string> startDirectories) =>
        Candidates(fromVariable, startDirectories).FirstOrDefault();

    /// <summary>
    /// Every root a suite could have, best first: <c>CHAOS_SUITE_ROOT</c> (checked: it must be a directory), then each
    /// folder holding reqnroll.json above each start. A caller that needs more than the nearest (freeze looks for the
    /// one that holds a descriptor's feature) walks on; everyone else takes the first.
    /// </summary>
    public static IEnumerable<string> Candidates(string? fromVariable, IReadOnlyList<string> startDirectories)
    {
        if (fromVariable is { Length: > 0 } fromEnvironment)
        {
            yield return Directory.Exists(fromEnvironment)
                ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(fromEnvironment))
                : throw new ConfigurationException($"{EnvironmentVariable}='{fromEnvironment}' is not a directory; set it to the folder holding {SuiteConfiguration.FileName}");
        }
        foreach (var start in startDirectories)
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SuiteConfiguration.FileName)))
                    yield return Path.TrimEndingDirectorySeparator(dir.FullName);
    }
}
