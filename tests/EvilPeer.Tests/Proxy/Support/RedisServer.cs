using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Proxy.Support;

/// <summary>
/// A real redis-server (Debian's package) on a free loopback port, with no persistence, in a
/// temporary folder. It runs under a small shell that kills it when our stdin pipe closes, so it
/// goes away with the test host even if the host is SIGKILLed.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Install = "apt-get install redis-server";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    // `read` returns when the test host closes the pipe or dies; then the server goes too.
    private const string Guard = "\"$0\" \"$@\" & server=$!; read -r _ || true; kill $server 2>/dev/null; wait $server";

    private readonly Process _guard;
    private readonly DirectoryInfo _folder;

    private RedisServer(Process guard, DirectoryInfo folder, IPEndPoint endPoint) => (_guard, _folder, EndPoint) = (guard, folder, endPoint);

    public IPEndPoint EndPoint { get; }

    public static async Task<RedisServer> StartAsync()
    {
        string binary = ToolPath.Find("redis-server") ?? throw new InvalidOperationException($"redis-server is not installed (install: {Install})");
        DirectoryInfo folder = Directory.CreateTempSubdirectory("chaos-redis-");
        int port = FreePort();
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true };
        foreach (string argument in new[] { "-c", Guard, binary, "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "",
                     "--appendonly", "no", "--dir", folder.FullName, "--logfile", Path.Combine(folder.FullName, "redis.log") })
            start.ArgumentList.Add(argument);
        Process guard = Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start");
        var server = new RedisServer(guard, folder, new IPEndPoint(IPAddress.Loopback, port));
        try
        {
            await server.WaitUntilServingAsync();
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
        using (var timeout = new CancellationTokenSource(Bound))
        {
            try { await _guard.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _guard.Kill(entireProcessTree: true); await _guard.WaitForExitAsync(); }
        }
        _guard.Dispose();
        _folder.Delete(recursive: true);
    }

    private async Task WaitUntilServingAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using Socket socket = await ClientSocket.ConnectAsync(EndPoint);
                if (await Resp.CommandAsync(socket, "PING") == "+PONG") return;
            }
            catch (SocketException) when (deadline.Elapsed < Bound && !_guard.HasExited)
            {
                await Task.Delay(20);
                continue;
            }
            catch (SocketException ex)
            {
                string log = Path.Combine(_folder.FullName, "redis.log");
                throw new InvalidOperationException($"redis-server did not answer on {EndPoint} within {Bound.TotalSeconds:0} s ({ex.SocketErrorCode}); " +
                    $"its log: {(File.Exists(log) ? File.ReadAllText(log) : "none")}");
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
