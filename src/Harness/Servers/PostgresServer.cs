using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.Harness.Servers;

/// <summary>
/// Debian's PostgreSQL for one scenario: <c>initdb</c> and <c>postgres</c> from the package's bin folder, a fresh cluster
/// in a temporary folder, on a free loopback port, trust authentication for the user <c>postgres</c>, durability off.
/// It runs as a <see cref="ServerUnderTest"/>, so its whole process group dies with the test host and its folder goes.
/// PostgreSQL refuses to run as root; as root (CI) it runs as the <c>postgres</c> user through <c>setpriv</c>, which
/// execs it (<c>runuser</c> and <c>su</c> would stay in between as its parent, holding a PAM session). As a peer it keeps no counters.
/// </summary>
public sealed class PostgresServer : IPeer
{
    public const string Install = "apt-get install -y postgresql";
    public const string User = "postgres";

    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(10);

    // $1 bin folder, $2 the server's folder, $3 port, $4 the user to become ('' = stay). Root prepares the folders for that user;
    // initdb's output goes to stderr.log only when it fails, so a start failure says why in one place.
    private const string Script =
        "mkdir \"$2/data\" \"$2/run\" || exit 1; " +
        "if [ -n \"$4\" ]; then chown \"$4\" \"$2\" \"$2/data\" \"$2/run\" || exit 1; set -- \"$1\" \"$2\" \"$3\" setpriv --reuid=\"$4\" --regid=\"$4\" --init-groups; else set -- \"$1\" \"$2\" \"$3\"; fi; " +
        "bin=$1 folder=$2 port=$3; shift 3; " +
        "exec \"$@\" /bin/sh -c '\"$1/initdb\" -D \"$2/data\" -A trust -U postgres -E UTF8 --no-sync >\"$2/run/initdb.log\" 2>&1 || { cat \"$2/run/initdb.log\" >&2; exit 1; }; " +
        "exec \"$1/postgres\" -D \"$2/data\" -p \"$3\" -k \"$2/run\" -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
        "-c full_page_writes=off -c max_connections=40 -c shared_buffers=16MB -c dynamic_shared_memory_type=mmap' sh \"$bin\" \"$folder\" \"$port\"";

    private readonly ServerUnderTest _server;

    private PostgresServer(ServerUnderTest server) => _server = server;

    public IPEndPoint EndPoint => _server.EndPoint;

    PeerStats? IPeer.Stats => null;

    /// <summary>The server's folder (cluster, socket, logs); removed when it stops.</summary>
    public string Folder => _server.Folder;

    /// <summary><c>postgres</c>'s path: on PATH, else the newest of Debian's <c>/usr/lib/postgresql/N/bin</c>; null when not installed.</summary>
    public static string? FindProgram()
    {
        var onPath = new ServerCommand("postgres").ResolveProgram();
        if (onPath is not null) return onPath;
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .Select(dir => (Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1, Program: Path.Combine(dir, "bin", "postgres")))
            .Where(c => c.Version >= 0 && File.Exists(c.Program))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Program)
            .FirstOrDefault();
    }

    /// <summary>Starts a fresh cluster and returns once it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">Not installed, no postgres user to run as, or it did not start (its stderr in the message).</exception>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var postgres = FindProgram() ?? throw new InvalidOperationException($"postgres is not installed (install: {Install})");
        // Resolved through the symlink a PATH entry may be, so initdb is the one beside the real postgres.
        var program = new FileInfo(postgres).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? postgres;
        var asUser = Environment.IsPrivilegedProcess ? User : "";
        if (asUser.Length > 0 && !File.ReadLines("/etc/passwd").Any(line => line.StartsWith(User + ":", StringComparison.Ordinal)))
            throw new InvalidOperationException($"postgres refuses to run as root and there is no '{User}' user to run it as (install: {Install}, which creates it)");
        var command = new ServerCommand("/bin/sh", ["-c", Script, "postgres-start", Path.GetDirectoryName(program)!,
            ServerCommand.FolderPlaceholder, ServerCommand.PortPlaceholder, asUser]);
        var options = new ServerUnderTestOptions("postgres", command, startTimeoutMs: (int)StartBound.TotalMilliseconds);
        var server = new PostgresServer(await ServerUnderTest.StartAsync(options, cancellationToken: cancellationToken));
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// It listens before it accepts sessions (it answers "the database system is starting up" while it recovers):
    /// ready once a startup message as user postgres gets an authentication answer ('R') rather than an error ('E').
    /// </summary>
    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        bool accepted = false;
        async ValueTask<bool> readyOrExited(CancellationToken ct)
        {
            if (_server.HasExited) return true;
            try { return accepted = await FirstAnswerAsync(ct) == (byte)'R'; }
            catch (Exception e) when (e is SocketException or IOException) { return false; }
        }
        // A real process on the wall clock: the system's time is the edge here.
        await Eventually.UntilAsync(readyOrExited, StartBound, TimeProvider.System, cancellationToken,
            pollEvery: TimeSpan.FromMilliseconds(20));
        if (accepted) return;
        if (_server.HasExited) throw new InvalidOperationException($"postgres exited before it accepted sessions; stderr: {_server.StderrTail()}");
        throw new InvalidOperationException($"postgres did not accept sessions within {StartBound.TotalSeconds:0} s; stderr: {_server.StderrTail()}");
    }

    private async Task<byte> FirstAnswerAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(EndPoint, cancellationToken);
        var parameters = Encoding.ASCII.GetBytes("user\0postgres\0database\0postgres\0\0");
        var startup = new byte[8 + parameters.Length];
        BinaryPrimitives.WriteInt32BigEndian(startup, startup.Length);
        BinaryPrimitives.WriteInt32BigEndian(startup.AsSpan(4), 3 << 16); // protocol 3.0
        parameters.CopyTo(startup, 8);
        await socket.SendAsync(startup, cancellationToken);
        var answer = new byte[1];
        return await socket.ReceiveAsync(answer, cancellationToken) == 1 ? answer[0] : (byte)'E';
    }

    /// <summary>
    /// A fast shutdown first (SIGINT: sessions end, its shared memory is released), bounded; then the guard kills
    /// whatever is left of the group and removes the folder.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited)
        {
            try { await _server.SignalAndWaitForExitAsync(ServerSignal.Interrupt, StopBound); }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException) { } // the guard's SIGKILL follows
        }
        await _server.DisposeAsync();
    }
}
