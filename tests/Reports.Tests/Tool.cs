using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Reports.Tests;

/// <summary>Outside programs: where they are, and running them bounded (see <see cref="BoundedProcess"/>).</summary>
internal static class Tool
{
    /// <summary>The tool's path; in strict mode a missing tool is not skipped, so say exactly what is missing.</summary>
    public static string Require(string name, string install) =>
        ToolPath.Find(name) ?? throw new InvalidOperationException($"{name} is not installed (install: {install})");

    public static Task<BoundedProcess.Result> RunAsync(string file, string workingDirectory, TimeSpan bound, params string[] arguments) =>
        BoundedProcess.RunAsync(file, workingDirectory, bound, null, arguments);
}
