namespace ChaosFeatures.Consumer.Tests;

/// <summary>
/// A fresh test project in a temp folder outside the repository, as a team would write it: package references only
/// (ChaosFeatures from the folder feed, xunit and the test SDK as this repo uses them), reqnroll.json, one feature, one
/// binding over its own client, and the freeze tool in a local tool manifest. Its packages go to its own folder, so no
/// package cache can serve it an older ChaosFeatures build; everything else comes from this machine's cache first.
/// </summary>
internal sealed class ConsumerProject
{
    public const string Name = "MyService.ChaosTests";

    private ConsumerProject(string folder) => Folder = folder;

    /// <summary>The project folder (also the suite root: it holds reqnroll.json).</summary>
    public string Folder { get; }

    public static ConsumerProject Write(string root, string feed, string version)
    {
        var folder = Path.Combine(root, Name);
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Consumer"), folder);
        // Nothing above the temp root may shape the build (a stray Directory.Build.props or central versions in /tmp).
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            File.WriteAllText(Path.Combine(root, file), "<Project />\n");
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="chaosfeatures-local" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="this-machine" value="{cache}" />
              </fallbackPackageFolders>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(root, "packages")}" />
              </config>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, Name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{RepositoryLayout.PackageVersion("Microsoft.NET.Test.Sdk")}" />
                <PackageReference Include="xunit" Version="{RepositoryLayout.PackageVersion("xunit")}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{RepositoryLayout.PackageVersion("xunit.runner.visualstudio")}" />
                <PackageReference Include="ChaosFeatures.Gherkin.Xunit" Version="{version}" />
                <PackageReference Include="ChaosFeatures.Steps" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        Directory.CreateDirectory(Path.Combine(folder, ".config"));
        File.WriteAllText(Path.Combine(folder, ".config", "dotnet-tools.json"), $$"""
            {
              "version": 1,
              "isRoot": true,
              "tools": {
                "chaosfeatures.freeze": { "version": "{{version}}", "commands": ["freeze"], "rollForward": false }
              }
            }
            """);
        return new ConsumerProject(folder);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
