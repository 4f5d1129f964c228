using System.Reflection;
using System.Xml.Linq;

namespace ChaosFeatures.Consumer.Tests;

/// <summary>This repository as the consumer test needs it: its root, the build configuration, the package versions.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration these tests (and so the projects they pack) were built in.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>A central package version (Directory.Packages.props): the consumer asks for what this repo restored, so it needs no download.</summary>
    public static string PackageVersion(string id) =>
        XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == id).Attribute("Version")!.Value;

    /// <summary>The one version prefix of every package (Directory.Build.props).</summary>
    public static string VersionPrefix =>
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChaosFeatures.sln"))) return dir.FullName;
        throw new InvalidOperationException($"ChaosFeatures.sln not found above {AppContext.BaseDirectory}");
    }
}
