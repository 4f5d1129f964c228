using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Consumer.Tests;

/// <summary>
/// The banned-API check is part of the build of src/ and tools/: a project in a temp folder whose Directory.Build.props
/// is src/'s (as MSBuild finds it for every project there) fails to build on each banned call, with RS0030 as an error.
/// </summary>
[Trait("Category", "build")]
public sealed class BannedApiBuildTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("chaos-banned-").FullName;

    [Fact]
    public async Task A_banned_call_in_src_fails_the_build()
    {
        string src = Path.Combine(RepositoryLayout.Root, "src");
        // What MSBuild would find for a project under src/: src/Directory.Build.props and the central versions.
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"),
            $"<Project><Import Project=\"{Path.Combine(src, "Directory.Build.props")}\" /></Project>\n");
        File.WriteAllText(Path.Combine(_root, "Directory.Packages.props"),
            $"<Project><Import Project=\"{Path.Combine(RepositoryLayout.Root, "Directory.Packages.props")}\" /></Project>\n");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(_root, "Banned.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        File.WriteAllText(Path.Combine(_root, "Uses.cs"), """
            namespace Banned;
            public static class Uses
            {
                public static object[] All()
                {
                    System.Threading.Thread.Sleep(System.TimeSpan.Zero);
                    System.Threading.Tasks.Task.Delay(1).Wait();
                    return [System.DateTime.UtcNow, System.DateTimeOffset.Now, new System.Random(), System.Random.Shared];
                }
            }
            """);

        var build = await BoundedProcess.RunAsync("dotnet", _root, TimeSpan.FromMinutes(5), null, "build", "-nologo", "-v:q");

        build.ExitCode.Should().NotBe(0, build.Output);
        foreach (var symbol in new[] { "Thread.Sleep(TimeSpan)", "Task.Delay(int)", "DateTime.UtcNow", "DateTimeOffset.Now", "Random.Random()", "Random.Shared" })
            build.Output.Should().Contain($"error RS0030: The symbol '{symbol}' is banned", "src/BannedSymbols*.txt bans it");
        build.Output.Should().Contain("TimeProvider", "each ban says what to use instead");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
