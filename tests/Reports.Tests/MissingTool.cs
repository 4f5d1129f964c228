using Xunit.Abstractions;

namespace ChaosFeatures.Reports.Tests;

/// <summary>
/// xUnit 2 cannot skip at run time, so a check whose outside tool is absent ends early and says why in the
/// test output; with <c>CHAOS_STRICT=1</c> (CI) an absent tool fails the test instead.
/// </summary>
internal static class MissingTool
{
    /// <returns>True when the caller must stop because the tool is missing (never in strict mode: it throws).</returns>
    public static bool Stop(string? path, string tool, string install, ITestOutputHelper output)
    {
        if (path is not null)
            return false;
        var reason = $"NOT VALIDATED: {tool} is not installed ({install}).";
        if (Environment.GetEnvironmentVariable("CHAOS_STRICT") == "1")
            throw new InvalidOperationException(reason + " CHAOS_STRICT=1 demands it.");
        output.WriteLine(reason);
        return true;
    }
}
