namespace ChaosFeatures.Tests.Shared;

/// <summary>Where an outside program is installed. Shared as source by the test projects that drive real tools.</summary>
internal static class ToolPath
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null when it is not installed.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
