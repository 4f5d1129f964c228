using System.Net;
using ChaosFeatures.EvilPeer.Peers;

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

    /// <summary>PostgreSQL: a fresh cluster per scenario (see <see cref="PostgresServer"/>); connect as user <c>postgres</c>, no password.</summary>
    public static RealServerKind Postgres { get; } = new("postgres", "postgres", PostgresServer.Install, (_, _) => [])
    {
        Locate = PostgresServer.FindProgram,
        Launch = async ct => await PostgresServer.StartAsync(ct),
    };

    /// <summary>The user's own server as <paramref name="name"/> (<c>ChaosContext.Server</c>): <paramref name="start"/> starts it, nothing to install.</summary>
    public static RealServerKind Own(string name, Func<CancellationToken, Task<(IAsyncDisposable Server, IPEndPoint EndPoint)>> start) =>
        new("own", name, "", (_, _) => [])
        {
            Launch = async ct =>
            {
                var (server, endPoint) = await start(ct);
                return new OwnServer(server, endPoint);
            },
        };

    public static IReadOnlyList<RealServerKind> Known { get; } = [Redis, Postgres];

    /// <summary>Finds the program where PATH does not (Debian keeps postgres in its versioned bin folder); null: PATH only.</summary>
    public Func<string?>? Locate { get; init; }

    /// <summary>Starts the server its own way (postgres needs initdb first, as its own user); null: <see cref="RealServer"/> with <see cref="Arguments"/>.</summary>
    public Func<CancellationToken, Task<IPeer>>? Launch { get; init; }

    /// <summary>Starts one and returns once it accepts connections.</summary>
    public async Task<IPeer> StartAsync(CancellationToken cancellationToken) =>
        Launch is { } launch ? await launch(cancellationToken) : await RealServer.StartAsync(this, cancellationToken);

    public static RealServerKind Named(string name) =>
        Known.FirstOrDefault(k => k.Name == name)
        ?? throw new ArgumentException($"no real server '{name}'; known: {string.Join(", ", Known.Select(k => k.Name))}", nameof(name));

    /// <summary>The program's full path, or null when it is not installed.</summary>
    public string? FindProgram() =>
        Locate?.Invoke() ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, Program))
            .FirstOrDefault(File.Exists);

    /// <summary>Why a scenario that needs this server is skipped here.</summary>
    public string MissingReason => $"{Program} is not installed (install: {Install})";
}
