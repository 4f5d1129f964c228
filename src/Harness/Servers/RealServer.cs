using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Harness.Servers;

/// <summary>
/// A started real server on a free loopback port, in a temporary folder. It runs under a small
/// shell that kills it and removes the folder when our stdin pipe closes, so both go away with the
/// test host even when the host is SIGKILLed. Disposal stops it (bounded).
/// </summary>
public sealed class RealServer : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    // `read` returns when our end of the pipe closes (we stop it, or the test host died); then the server
    // goes too, and its folder with it. Its own output goes nowhere: its log file says what matters.
    private const string Guard = "\"$0\" \"$@\" >/dev/null 2>&1 & server=$!; read -r _ || true; kill $server 2>/dev/null; wait $server; " +
        "rm -rf \"$CHAOS_SERVER_FOLDER\"";

    private readonly Process _guard;
    private readonly DirectoryInfo _folder;

    private RealServer(RealServerKind kind, Process guard, DirectoryInfo folder, IPEndPoint endPoint) =>
        (Kind, _guard, _folder, EndPoint) = (kind, guard, folder, endPoint);

    public RealServerKind Kind { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>The server's own temporary folder (its log is there while it runs); removed when it stops.</summary>
    public string Folder => _folder.FullName;

    /// <summary>Starts the server and returns once it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">The program is missing, or it did not listen in time (its log is in the message).</exception>
    public static async Task<RealServer> StartAsync(RealServerKind kind, CancellationToken cancellationToken)
    {
        string program = kind.FindProgram() ?? throw new InvalidOperationException(kind.MissingReason);
        DirectoryInfo folder = Directory.CreateTempSubdirectory($"chaos-{kind.Name}-");
        int port = FreePort();
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, Environment = { ["CHAOS_SERVER_FOLDER"] = folder.FullName } };
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
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await probe.ConnectAsync(EndPoint, cancellationToken);
                return;
            }
            catch (SocketException) when (clock.Elapsed < StartBound && !_guard.HasExited)
            {
                await Task.Delay(10, cancellationToken);
            }
            catch (SocketException ex)
            {
                string log = _folder.EnumerateFiles("*.log").Select(f => File.ReadAllText(f.FullName)).FirstOrDefault() ?? "";
                throw new InvalidOperationException($"{Kind.Program} did not listen on {EndPoint} within {StartBound.TotalSeconds:0} s " +
                    $"({(_guard.HasExited ? "it exited" : ex.SocketErrorCode.ToString())}); its log: {(log.Length > 0 ? log.Trim() : "empty")}");
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
