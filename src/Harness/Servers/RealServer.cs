using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.Harness.Servers;

/// <summary>
/// A started real server on a free loopback port, in a temporary folder. It runs under a small
/// shell that kills it and removes the folder when our stdin pipe closes, so both go away with the
/// test host even when the host is SIGKILLed. Disposal stops it (bounded). As a peer it keeps no counters.
/// </summary>
public sealed class RealServer : IPeer
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    // The guard keeps our stdin pipe as fd 3 (an asynchronous list would otherwise read /dev/null).
    // A background `read` on it returns when the pipe closes (we stop the server, or the test host
    // died) and kills the server; it writes nothing, so the guard's output (drained by us) ends with
    // the guard. The guard ends as soon as the server does, printing the server's log and removing
    // its folder, so a server that cannot start is reported at once. What the server prints before it
    // opens its own log (a bad option, say) goes to console.log beside it.
    private const string Guard =
        "exec 3<&0; \"$0\" \"$@\" </dev/null >\"$CHAOS_SERVER_FOLDER/console.log\" 2>&1 & server=$!; " +
        "{ read -r _ <&3; kill $server; } >/dev/null 2>&1 & wait $server; " +
        "cat \"$CHAOS_SERVER_FOLDER\"/*.log 2>/dev/null; rm -rf \"$CHAOS_SERVER_FOLDER\"";

    private readonly Process _guard;
    private readonly Task<string> _guardOutput;
    private readonly DirectoryInfo _folder;

    private RealServer(RealServerKind kind, Process guard, DirectoryInfo folder, IPEndPoint endPoint)
    {
        (Kind, _guard, _folder, EndPoint) = (kind, guard, folder, endPoint);
        _guardOutput = guard.StandardOutput.ReadToEndAsync(); // drained always, so the guard never blocks on it
    }

    public RealServerKind Kind { get; }

    public IPEndPoint EndPoint { get; }

    PeerStats? IPeer.Stats => null;

    /// <summary>The server's own temporary folder (its log is there while it runs); removed when it stops.</summary>
    public string Folder => _folder.FullName;

    /// <summary>How the temp folders of this process's servers of <paramref name="kind"/> begin (<c>chaos-KIND-PID-</c>).</summary>
    public static string TempFolderPrefix(RealServerKind kind) => $"chaos-{kind.Name}-{Environment.ProcessId}-";

    /// <summary>Starts the server and returns once it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">The program is missing, or it did not listen in time (its log is in the message).</exception>
    public static async Task<RealServer> StartAsync(RealServerKind kind, CancellationToken cancellationToken)
    {
        string program = kind.FindProgram() ?? throw new InvalidOperationException(kind.MissingReason);
        // The pid in the name tells this process's server folders from another test run's on the same machine.
        DirectoryInfo folder = Directory.CreateTempSubdirectory(TempFolderPrefix(kind));
        int port = FreePort();
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, Environment = { ["CHAOS_SERVER_FOLDER"] = folder.FullName } };
        foreach (string argument in (string[])["-c", Guard, program, .. kind.Arguments(port, folder.FullName)]) start.ArgumentList.Add(argument);
        Process guard;
        try
        {
            guard = Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start");
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
        var server = new RealServer(kind, guard, folder, new IPEndPoint(IPAddress.Loopback, port));
        try
        {
            await server.WaitUntilListeningAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _guard.StandardInput.Close();
        using (var bound = new CancellationTokenSource(StopBound))
        {
            try
            {
                await _guard.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                _guard.Kill(entireProcessTree: true);
                await _guard.WaitForExitAsync();
            }
        }
        _guard.Dispose();
        if (Directory.Exists(_folder.FullName)) _folder.Delete(recursive: true); // the guard removes it unless it had to be killed
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        SocketError lastError = SocketError.Success;
        bool connected = false;
        async ValueTask<bool> listeningOrExited(CancellationToken ct)
        {
            if (_guard.HasExited) return true;
            using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await probe.ConnectAsync(EndPoint, ct);
                return connected = true;
            }
            catch (SocketException ex)
            {
                lastError = ex.SocketErrorCode;
                return false;
            }
        }
        // A real process on the wall clock: the system's time is the edge here.
        await Eventually.UntilAsync(listeningOrExited, StartBound, TimeProvider.System, cancellationToken,
            pollEvery: TimeSpan.FromMilliseconds(10));
        if (connected) return;
        if (_guard.HasExited)
        {
            string log = (await _guardOutput.WaitAsync(StopBound, cancellationToken)).Trim();
            throw new InvalidOperationException($"{Kind.Program} exited before it listened on {EndPoint}; its log: {(log.Length > 0 ? log : "empty")}");
        }
        throw new InvalidOperationException($"{Kind.Program} did not listen on {EndPoint} within {StartBound.TotalSeconds:0} s ({lastError})");
    }

    private static int FreePort()
    {
        using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
