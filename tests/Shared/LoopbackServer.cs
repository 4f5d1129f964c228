using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Tests.Shared;

/// <summary>
/// A real TCP server on 127.0.0.1 that runs <c>handler</c> for each accepted connection; dispose closes everything and
/// awaits every handler. A handler's exception other than the socket going away (cancelled, reset, closed) is not
/// swallowed: it fails the test at dispose, so an assertion inside a handler counts. Shared as source by the test projects.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    /// <summary>How long dispose waits for the handlers once their connections are closed.</summary>
    private static readonly TimeSpan DisposeBound = TimeSpan.FromSeconds(30);

    /// <summary>Room for connects not yet accepted: generous, for the tests that open a thousand at once.</summary>
    private const int Backlog = 2048;

    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _handlers = [];
    private readonly List<Socket> _sockets = [];
    private readonly Task _accepting;

    public LoopbackServer(Func<Socket, CancellationToken, Task> handler)
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(Backlog);
        _accepting = AcceptLoop(handler);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;
    public int Port => EndPoint.Port;
    public string HostPort => $"127.0.0.1:{Port}";

    /// <summary>Echoes everything; on EOF shuts down its send side (half-close round trip).</summary>
    public static LoopbackServer Echo() => new(async (socket, ct) =>
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, ct)) > 0)
            await socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, ct);
        socket.Shutdown(SocketShutdown.Send);
    });

    /// <summary>
    /// Sends <paramref name="payload"/> on accept, then FIN and reads whatever the client still sends until it closes; or,
    /// when <paramref name="reset"/>, closes at once with RST.
    /// </summary>
    public static LoopbackServer Serving(byte[] payload, bool reset = false) => new(async (socket, ct) =>
    {
        await socket.SendAsync(payload, SocketFlags.None, ct);
        if (reset)
        {
            socket.LingerState = new LingerOption(true, 0);
            return;
        }
        socket.Shutdown(SocketShutdown.Send);
        var drain = new byte[1024];
        while (await socket.ReceiveAsync(drain, SocketFlags.None, ct) > 0) { }
    });

    /// <summary>
    /// Waits for the client's first byte, then sends <paramref name="payload"/> and FIN: a test that times a toxic on
    /// the answer starts its clock before that byte, so the toxic cannot have started before the clock did.
    /// </summary>
    public static LoopbackServer ServingOnRequest(byte[] payload) => new(async (socket, ct) =>
    {
        var drain = new byte[1024];
        if (await socket.ReceiveAsync(drain, SocketFlags.None, ct) == 0) return;
        await socket.SendAsync(payload, SocketFlags.None, ct);
        socket.Shutdown(SocketShutdown.Send);
        while (await socket.ReceiveAsync(drain, SocketFlags.None, ct) > 0) { }
    });

    /// <summary>Sends <paramref name="chunk"/> bytes every <paramref name="interval"/> (default 256 bytes every 5 ms) until the connection dies.</summary>
    public static LoopbackServer Streaming(int chunk = 256, TimeSpan? interval = null) => new(async (socket, ct) =>
    {
        var data = new byte[chunk];
        var pause = interval ?? TimeSpan.FromMilliseconds(5);
        while (!ct.IsCancellationRequested)
        {
            await socket.SendAsync(data, SocketFlags.None, ct);
            await Task.Delay(pause, ct);
        }
    });

    /// <summary>Accepts and holds the connection open, silent, until disposed.</summary>
    public static LoopbackServer Holding() => new(async (_, ct) => await Task.Delay(Timeout.Infinite, ct));

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        await _accepting;
        Task[] handlers;
        lock (_handlers)
        {
            handlers = [.. _handlers];
            foreach (Socket socket in _sockets) socket.Dispose();
        }
        await Task.WhenAll(handlers).WaitAsync(DisposeBound);
        _stop.Dispose();
    }

    private async Task AcceptLoop(Func<Socket, CancellationToken, Task> handler)
    {
        while (true)
        {
            Socket socket;
            try { socket = await _listener.AcceptAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            lock (_handlers)
            {
                _sockets.Add(socket);
                _handlers.Add(Handle(socket, handler));
            }
        }
    }

    private async Task Handle(Socket socket, Func<Socket, CancellationToken, Task> handler)
    {
        using (socket)
        {
            // The client went away mid-test, or dispose closed the socket: that is what these tests provoke.
            try { await handler(socket, _stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException) { }
        }
    }
}
