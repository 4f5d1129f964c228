using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Gherkin.Xunit.Tests;

/// <summary>The real <c>dotnet</c> CLI, bounded (see <see cref="BoundedProcess"/>).</summary>
internal static class DotnetCli
{
    public static Task<BoundedProcess.Result> RunAsync(string workingDirectory, TimeSpan bound, params string[] arguments) =>
        BoundedProcess.RunAsync("dotnet", workingDirectory, bound, null, arguments);

    public static Task<BoundedProcess.Result> RunAsync(string workingDirectory, TimeSpan bound, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        BoundedProcess.RunAsync("dotnet", workingDirectory, bound, environment, arguments);
}
