namespace ChaosFeatures.Harness.Servers;

/// <summary>
/// A real server from a Debian package that a scenario can start on loopback: the program, how to
/// install it (for the skip reason when it is missing) and its command line for a port and a
/// throwaway folder. No persistence, no daemonizing: the harness owns its whole life.
/// </summary>
public sealed record RealServerKind(string Name, string Program, string Install, Func<int, string, IReadOnlyList<string>> Arguments)
{
    public static RealServerKind Redis { get; } = new("redis", "redis-server", "apt-get install redis-server", (port, folder) =>
        ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder,
         "--logfile", Path.Combine(folder, "server.log")]);

    public static IReadOnlyList<RealServerKind> Known { get; } = [Redis];

    public static RealServerKind Named(string name) =>
        Known.FirstOrDefault(k => k.Name == name)
        ?? throw new ArgumentException($"no real server '{name}'; known: {string.Join(", ", Known.Select(k => k.Name))}", nameof(name));

    /// <summary>The program's full path on PATH, or null when it is not installed.</summary>
    public string? FindProgram() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, Program))
            .FirstOrDefault(File.Exists);

    /// <summary>Why a scenario that needs this server is skipped here.</summary>
    public string MissingReason => $"{Program} is not installed (install: {Install})";
}
