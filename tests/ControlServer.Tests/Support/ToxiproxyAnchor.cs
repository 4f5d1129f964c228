using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Control.Tests.Support;

/// <summary>
/// Where the real Toxiproxy is: <c>TOXIPROXY_SERVER</c> (and <c>TOXIPROXY_CLI</c>), else the default
/// output of <c>../shared/anchors/toxiproxy/build.sh</c>, else PATH. It is the oracle for the
/// differential tests, never a dependency.
/// </summary>
public static class ToxiproxyAnchor
{
    public const string Build = "../shared/anchors/toxiproxy/build.sh, then TOXIPROXY_SERVER=<its output>";

    public static string? Server => Locate("TOXIPROXY_SERVER", "toxiproxy-server");

    public static string? Cli => Locate("TOXIPROXY_CLI", "toxiproxy-cli");

    /// <summary>The server's path; under <c>CHAOS_STRICT=1</c> a missing one fails here, saying how to get it.</summary>
    public static string RequireServer() => Server ?? throw new InvalidOperationException($"toxiproxy-server not found (build: {Build})");

    public static string RequireCli() => Cli ?? throw new InvalidOperationException($"toxiproxy-cli not found (build: {Build})");

    private static string? Locate(string variable, string name)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path) return File.Exists(path) ? path : null;
        if (Environment.GetEnvironmentVariable("TOXIPROXY_SERVER") is { Length: > 0 } server
            && Path.Combine(Path.GetDirectoryName(server)!, name) is var beside && File.Exists(beside))
            return beside;
        string home = Environment.GetEnvironmentVariable("HOME") ?? "/root";
        string built = Path.Combine(home, ".cache", "toxiproxy-anchor", "bin", name);
        return File.Exists(built) ? built : ToolPath.Find(name);
    }
}
