using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Samples.LengthPrefixed;

/// <summary>
/// Listens on 127.0.0.1 only, runs a <see cref="FrameConnection"/> per client up to the connection
/// limit (one more is told so and closed), and shuts down gracefully: stop accepting, let frames in
/// flight finish, close idle connections, all within the drain timeout.
/// </summary>
internal sealed class FrameServer(ServerOptions options)
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _shuttingDown = new(), _aborted = new();
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private long _nextId;

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public int OpenConnections => _connections.Count;

    /// <exception cref="SocketException">The port is taken.</exception>
    public void Listen()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, options.Port));
        _listener.Listen(512);
    }

    public async Task AcceptLoopAsync()
    {
        while (!_shuttingDown.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await _listener.AcceptAsync(_shuttingDown.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException) { continue; } // a client that reset while queued
            long id = Interlocked.Increment(ref _nextId);
            Task run = _connections.Count >= options.MaxConnections ? RefuseAsync(socket) : new FrameConnection(socket, options, _shuttingDown.Token, _aborted.Token).RunAsync();
            _connections[id] = run;
            _ = run.ContinueWith(_ => _connections.TryRemove(id, out Task? _), TaskScheduler.Default);
        }
    }

    /// <summary>0 when every connection finished within the drain timeout, 1 when some had to be aborted.</summary>
    public async Task<int> ShutdownAsync()
    {
        _shuttingDown.Cancel();
        _listener.Dispose();
        Task all = Task.WhenAll(_connections.Values);
        if (await Task.WhenAny(all, Task.Delay(options.DrainTimeoutMs)) == all) return 0;
        _aborted.Cancel();
        await Task.WhenAny(all, Task.Delay(1_000));
        return 1;
    }

    private async Task RefuseAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await FrameProtocol.SendErrorAsync(socket, $"too many connections (limit {options.MaxConnections})", _aborted.Token);
                await FrameConnection.LingerAsync(socket, _aborted.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException) { }
        }
    }
}
