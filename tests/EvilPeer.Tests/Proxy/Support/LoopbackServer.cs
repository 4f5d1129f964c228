using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.EvilPeer.Tests.Proxy.Support;

/// <summary>A real upstream on loopback for proxy tests: one handler per accepted socket, all awaited on dispose.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly Socket _listener = new(SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _handlers = [];
    private readonly List<Socket> _sockets = [];
    private readonly Task _acceptLoop;

    private LoopbackServer(Func<Socket, CancellationToken, Task> handler)
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        _acceptLoop = AcceptAsync(handler);
    }

    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndPoint!;

    public string HostPort => $"127.0.0.1:{Endpoint.Port}";

    /// <summary>Echoes everything; on EOF shuts down its send side (half-close round trip).</summary>
    public static LoopbackServer Echo() => new(async (socket, ct) =>
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, ct)) > 0)
            await socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, ct);
        socket.Shutdown(SocketShutdown.Send);
    });

    /// <summary>Sends <paramref name="payload"/> on accept, then FIN.</summary>
    public static LoopbackServer Serving(byte[] payload) => new(async (socket, ct) =>
    {
        await socket.SendAsync(payload, SocketFlags.None, ct);
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

    /// <summary>Sends small chunks forever, a few ms apart, until the connection dies.</summary>
    public static LoopbackServer Streaming() => new(async (socket, ct) =>
    {
        var chunk = new byte[256];
        while (!ct.IsCancellationRequested)
        {
            await socket.SendAsync(chunk, SocketFlags.None, ct);
            await Task.Delay(5, ct);
        }
    });

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        await _acceptLoop;
        Task[] handlers;
        lock (_handlers)
        {
            handlers = [.. _handlers];
            foreach (Socket socket in _sockets) socket.Dispose();
        }
        await Task.WhenAll(handlers).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task AcceptAsync(Func<Socket, CancellationToken, Task> handler)
    {
        while (true)
        {
            Socket socket;
            try { socket = await _listener.AcceptAsync(_stop.Token); }
            catch (Exception) { return; }
            lock (_handlers)
            {
                _sockets.Add(socket);
                _handlers.Add(Run(socket, handler));
            }
        }
    }

    private async Task Run(Socket socket, Func<Socket, CancellationToken, Task> handler)
    {
        try { await handler(socket, _stop.Token); }
        catch (Exception) { } // the peer went away mid-test: that is what these tests provoke
        finally { socket.Dispose(); }
    }
}
