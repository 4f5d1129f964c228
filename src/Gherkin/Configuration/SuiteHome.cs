namespace ChaosFeatures.Gherkin.Configuration;

/// <summary>
/// The suite bootstrap: a suite's root and its reqnroll.json, read once. The bridge, freeze and the step library start
/// here, so a suite is found and its configuration is read and refused with the same one-line messages everywhere.
/// </summary>
/// <param name="Root">Absolute, without a trailing separator.</param>
public sealed record SuiteHome(string Root, SuiteConfiguration Configuration)
{
    /// <summary>reqnroll.json of the suite (which need not exist: then the configuration is the default).</summary>
    public string ConfigurationPath => PathOf(Root);

    /// <summary>The suite at <paramref name="root"/>; throws <see cref="ConfigurationException"/> for a reqnroll.json that is present but wrong.</summary>
    public static SuiteHome At(string root) => new(root, SuiteConfiguration.Load(PathOf(root)));

    /// <summary>The suite above the first of <paramref name="startDirectories"/> (see <see cref="SuiteRoot.Locate"/>).</summary>
    public static SuiteHome Locate(params string[] startDirectories) => At(SuiteRoot.Locate(startDirectories));

    /// <summary>As <see cref="Locate"/>, null when there is no suite (see <see cref="SuiteRoot.TryLocate"/>).</summary>
    public static SuiteHome? TryLocate(string? fromVariable, IReadOnlyList<string> startDirectories) =>
        SuiteRoot.TryLocate(fromVariable, startDirectories) is { } root ? At(root) : null;

    private static string PathOf(string root) => Path.Combine(root, SuiteConfiguration.FileName);
}
