using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Harness.Tests.Support;

/// <summary>A tiny TCP server on 127.0.0.1 that runs <c>handler</c> for each accepted connection and cleans up everything on dispose.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _handlers = [];
    private readonly Task _accepting;

    public LoopbackServer(Func<Socket, CancellationToken, Task> handler)
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        _accepting = AcceptLoop(handler);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;
    public int Port => EndPoint.Port;

    /// <summary>Serves <paramref name="payload"/> then closes with FIN (or RST when <paramref name="reset"/>).</summary>
    public static LoopbackServer Serving(byte[] payload, bool reset = false) => new(async (socket, ct) =>
    {
        await socket.SendAsync(payload, SocketFlags.None, ct);
        if (reset) socket.LingerState = new LingerOption(true, 0);
        else socket.Shutdown(SocketShutdown.Send);
    });

    /// <summary>Accepts and holds the connection open, silent, until disposed.</summary>
    public static LoopbackServer Holding() => new(async (_, ct) => await Task.Delay(Timeout.Infinite, ct));

    private async Task AcceptLoop(Func<Socket, CancellationToken, Task> handler)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await _listener.AcceptAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            lock (_handlers) _handlers.Add(Handle(socket, handler));
        }
    }

    private async Task Handle(Socket socket, Func<Socket, CancellationToken, Task> handler)
    {
        using (socket)
        {
            try { await handler(socket, _stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        Task[] handlers;
        lock (_handlers) handlers = [.. _handlers, _accepting];
        await Task.WhenAll(handlers).WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }
}
