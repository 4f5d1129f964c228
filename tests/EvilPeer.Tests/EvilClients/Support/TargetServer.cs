using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.EvilPeer.Tests.EvilClients.Support;

/// <summary>What the attacked side saw of one connection.</summary>
internal sealed class SeenConnection
{
    private readonly MemoryStream _bytes = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Count { get; private set; }
    public List<TimeSpan> Arrivals { get; } = [];

    /// <summary>Null while open; then "eof" (the client's FIN) or "rst", or "closed" when the handler closed it first.</summary>
    public string? End { get; private set; }

    public Task Ended => _ended.Task;

    public byte[] Bytes { get { lock (_bytes) return _bytes.ToArray(); } }

    internal void Add(ReadOnlySpan<byte> data, TimeSpan at, int keep)
    {
        lock (_bytes)
        {
            Count += data.Length;
            Arrivals.Add(at);
            int room = (int)Math.Max(0, keep - _bytes.Length);
            _bytes.Write(data[..Math.Min(room, data.Length)]);
        }
    }

    internal void Finish(string end)
    {
        End ??= end;
        _ended.TrySetResult();
    }
}

/// <summary>
/// A real loopback server for evil-client tests: records every connection's bytes, arrival times
/// and end. A <c>handler</c> may act on the socket meanwhile (reply, close early); otherwise it only reads.
/// Every wait is bounded; disposal closes everything and awaits every loop.
/// </summary>
internal sealed class TargetServer : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly Socket _listener = new(SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Task> _loops = new();
    private readonly ConcurrentQueue<SeenConnection> _seen = new();
    private readonly Func<Socket, SeenConnection, CancellationToken, Task>? _handler;
    private readonly int _keep;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _accepting;

    public TargetServer(Func<Socket, SeenConnection, CancellationToken, Task>? handler = null, int keepBytes = 1 << 20, int backlog = 512)
    {
        (_handler, _keep) = (handler, keepBytes);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(backlog);
        _accepting = AcceptAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public IReadOnlyList<SeenConnection> Seen => [.. _seen];

    public async Task WaitForConnectionsAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (_seen.Count < count)
        {
            if (clock.Elapsed > Bound) throw new TimeoutException($"{count} connection(s) not accepted within {Bound} (got {_seen.Count})");
            await Task.Delay(5);
        }
    }

    public async Task WaitForEndsAsync(int count)
    {
        await WaitForConnectionsAsync(count);
        await Task.WhenAll(Seen.Take(count).Select(s => s.Ended)).WaitAsync(Bound);
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try { socket = await _listener.AcceptAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            var seen = new SeenConnection();
            _seen.Enqueue(seen);
            _loops.Enqueue(ServeAsync(socket, seen));
        }
    }

    private async Task ServeAsync(Socket socket, SeenConnection seen)
    {
        await Task.Yield();
        using (socket)
        {
            Task handled = _handler?.Invoke(socket, seen, _stop.Token) ?? Task.CompletedTask;
            var buffer = new byte[64 * 1024];
            try
            {
                int n;
                while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0) seen.Add(buffer.AsSpan(0, n), _clock.Elapsed, _keep);
                seen.Finish("eof");
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset) { seen.Finish("rst"); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException) { seen.Finish("closed"); }
            try { await handled; }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        await _accepting;
        await Task.WhenAll(_loops).WaitAsync(Bound);
        _stop.Dispose();
    }
}
