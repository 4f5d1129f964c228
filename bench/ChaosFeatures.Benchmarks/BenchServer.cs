using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Benchmarks;

/// <summary>A loopback upstream running one handler per accepted socket.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly Socket _listener = new(SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _accepted = [];
    private readonly List<Task> _handlers = [];
    private readonly Task _loop;

    public BenchServer(Func<Socket, Task> handler)
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(2048);
        _loop = AcceptAsync(handler);
    }

    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndPoint!;

    public string HostPort => $"127.0.0.1:{Endpoint.Port}";

    public static BenchServer Echo(int bufferSize = 64 * 1024) => new(async socket =>
    {
        var buffer = new byte[bufferSize];
        int read;
        while ((read = await socket.ReceiveAsync(buffer)) > 0) await socket.SendAsync(buffer.AsMemory(0, read));
    });

    /// <summary>Reads and discards until EOF, then answers one byte so the sender knows everything arrived.</summary>
    public static BenchServer Sink() => new(async socket =>
    {
        var buffer = new byte[256 * 1024];
        while (await socket.ReceiveAsync(buffer) > 0) { }
        await socket.SendAsync(new byte[1]);
        socket.Shutdown(SocketShutdown.Send);
    });

    /// <summary>Waits for one byte, then sends <paramref name="payload"/> and FIN.</summary>
    public static BenchServer SendOnRequest(byte[] payload) => new(async socket =>
    {
        var go = new byte[1];
        if (await socket.ReceiveAsync(go) == 0) return;
        await socket.SendAsync(payload);
        socket.Shutdown(SocketShutdown.Send);
        while (await socket.ReceiveAsync(go) > 0) { }
    });

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _loop;
        lock (_handlers) foreach (Socket socket in _accepted) socket.Dispose();
        await Task.WhenAll(_handlers);
    }

    private async Task AcceptAsync(Func<Socket, Task> handler)
    {
        while (true)
        {
            Socket socket;
            try { socket = await _listener.AcceptAsync(); }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { return; }
            socket.NoDelay = true;
            lock (_handlers)
            {
                _accepted.Add(socket);
                _handlers.Add(Task.Run(async () =>
                {
                    try { await handler(socket); }
                    catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
                }));
            }
        }
    }
}
