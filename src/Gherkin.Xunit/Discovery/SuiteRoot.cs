namespace ChaosFeatures.Gherkin.Xunit.Discovery;

/// <summary>
/// Finds the folder a suite's relative paths start from: <c>CHAOS_SUITE_ROOT</c> when set,
/// otherwise the nearest folder above the test assembly that contains <c>reqnroll.json</c>.
/// </summary>
internal static class SuiteRoot
{
    public const string ConfigFileName = "reqnroll.json";
    public const string EnvironmentVariable = "CHAOS_SUITE_ROOT";

    public static string Locate(string startDirectory)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!Directory.Exists(fromEnvironment))
                throw new DirectoryNotFoundException($"{EnvironmentVariable}='{fromEnvironment}' is not a directory");
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ConfigFileName))) return dir.FullName;
        }
        throw new FileNotFoundException(
            $"No {ConfigFileName} found in '{startDirectory}' or any folder above it; set {EnvironmentVariable} to the suite root");
    }
}
