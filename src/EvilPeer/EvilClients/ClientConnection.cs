using System.Buffers;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Sockets;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.EvilPeer.EvilClients;

/// <summary>
/// One connected socket of an evil client. A watch loop reads whatever the server sends from the
/// moment we connect (so its FIN or RST is seen even while we are silent) with a zero-byte read
/// first, so a thousand idle connections hold no buffers. Sends, pauses and closes are counted and
/// reported; how the connection ended is decided once, first reason wins. Owned by one lane.
/// A behaviour that never reads (<see cref="EvilClientBehaviour.ReadsReplies"/>) gets no watch loop and a
/// small receive buffer; its server's FIN or RST is then read from the kernel's TCP state.
/// </summary>
internal sealed class ClientConnection
{
    private const int ReadBufferSize = 16 * 1024;
    private const int Undecided = -1;
    private static readonly TimeSpan StatePollEvery = TimeSpan.FromMilliseconds(20);

    private readonly Socket _socket;
    private readonly ClientRun _run;
    private readonly long _connectedAt;
    private readonly TaskCompletionSource _serverGone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource? _stopWatching;
    private readonly Task _watch;
    private readonly bool _reads;
    private byte[]? _head;
    private int _headLength, _end = Undecided;
    private long _sent, _received, _endedAt;

    private ClientConnection(Socket socket, ClientRun run, long id)
    {
        (_socket, _run, Id) = (socket, run, id);
        _connectedAt = run.Time.GetTimestamp();
        _reads = run.Options.Behaviour.ReadsReplies;
        if (_reads)
        {
            _stopWatching = CancellationTokenSource.CreateLinkedTokenSource(run.Stopping);
            _watch = WatchAsync(_stopWatching.Token);
        }
        else _watch = Task.CompletedTask;
    }

    public long Id { get; }

    /// <summary>True once the server closed or reset the connection.</summary>
    public bool ServerGone => _serverGone.Task.IsCompleted;

    /// <summary>Connects, or records why not and returns null. Throws only when the run is stopping.</summary>
    public static async Task<ClientConnection?> OpenAsync(ClientRun run)
    {
        long id = run.NextId();
        run.Stats.OnAttempt();
        run.Events.Attempt(id);
        long attemptedAt = run.Time.GetTimestamp();
        var socket = new Socket(run.Options.Target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // Set before the connect, so the window the server sees is small from the first byte.
        if (!run.Options.Behaviour.ReadsReplies) socket.ReceiveBufferSize = NeverRead.NeverReadBehaviour.ReceiveBufferBytes;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(run.Options.ConnectTimeoutMs), run.Time);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(run.Stopping, timeout.Token);
        try
        {
            await socket.ConnectAsync(run.Options.Target, bound.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            socket.Dispose();
            // A connect cut by the run's own bound did not complete in time either.
            ConnectionEnd end = e is SocketException se
                ? se.SocketErrorCode == SocketError.ConnectionRefused ? ConnectionEnd.Refused : ConnectionEnd.ConnectError
                : ConnectionEnd.ConnectTimeout;
            if (e is SocketException { SocketErrorCode: not SocketError.ConnectionRefused } other)
                run.Events.Error(id, $"connect: {other.SocketErrorCode}");
            run.Stats.OnEnd(end);
            run.Record(new ConnectionResult(id, end, 0, 0, run.Time.GetElapsedTime(attemptedAt), ReadOnlyMemory<byte>.Empty));
            run.Stopping.ThrowIfCancellationRequested();
            return null;
        }
        run.Stats.OnConnected();
        run.Events.Connect(id, ((System.Net.IPEndPoint)socket.LocalEndPoint!).Port);
        return new ClientConnection(socket, run, id);
    }

    /// <summary>
    /// Sends all of <paramref name="data"/>; false when the server is gone, or when <paramref name="bound"/> ran out
    /// mid-send (nothing more should be sent either way).
    /// </summary>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, CancellationToken bound = default)
    {
        if (Volatile.Read(ref _end) != Undecided) return false;
        try
        {
            while (!data.IsEmpty)
            {
                int n = await _socket.SendAsync(data, SocketFlags.None, bound.CanBeCanceled ? bound : _run.Stopping);
                data = data[n..];
                Interlocked.Add(ref _sent, n);
                _run.Stats.OnSent(n);
                _run.Events.Write(Id, n);
            }
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted)
        {
            // EPIPE (Shutdown) or ECONNRESET: the server closed; a FIN our reader already saw wins.
            Decide(ConnectionEnd.ServerReset);
            return false;
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !_run.Stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Pause <paramref name="ms"/>; false when the server ended the connection meanwhile (returns at once then).</summary>
    public Task<bool> DelayAsync(int ms, string phase)
    {
        if (ms <= 0) return Task.FromResult(!ServerGone);
        _run.Events.Delay(Id, ms, phase);
        return StillOpenAfterAsync(ms);
    }

    /// <summary>Stay silent <paramref name="ms"/> while still reading; false when the server ended the connection first.</summary>
    public Task<bool> HoldAsync(int ms)
    {
        _run.Events.Hold(Id, ms);
        return StillOpenAfterAsync(ms);
    }

    /// <summary>Half-close: our FIN, the reading side stays open.</summary>
    public void ShutdownSend()
    {
        if (Volatile.Read(ref _end) != Undecided) return;
        SocketCloser.SendFin(_socket);
        _run.Events.Fin(Id);
    }

    /// <summary>Ends the connection (FIN or RST unless the server already ended it) and records its result.</summary>
    public async Task CloseAsync(bool hardClose)
    {
        if (_reads) await StopWatchingAsync();
        PollServerEnd(); // a FIN or RST that came in the last moment is still the server's doing
        if (Decide(ConnectionEnd.ClosedByClient))
        {
            if (hardClose)
            {
                SocketCloser.Reset(_socket);
                _run.Events.Rst(Id);
            }
            else
            {
                SocketCloser.CloseGracefully(_socket);
                _run.Events.Fin(Id);
            }
        }
        else _socket.Dispose();
        byte[] head = _head is null ? [] : _head.AsSpan(0, _headLength).ToArray();
        long endedAt = Interlocked.Read(ref _endedAt);
        _run.Record(new ConnectionResult(Id, (ConnectionEnd)_end, Interlocked.Read(ref _sent), Interlocked.Read(ref _received),
            _run.Time.GetElapsedTime(_connectedAt, endedAt), head));
    }

    private async Task<bool> StillOpenAfterAsync(int ms)
    {
        if (!_reads) return await PollStillOpenAfterAsync(ms);
        try
        {
            await _serverGone.Task.WaitAsync(TimeSpan.FromMilliseconds(ms), _run.Time, _run.Stopping);
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
    }

    /// <summary>Without a reader nothing completes <see cref="_serverGone"/>: ask the kernel every few milliseconds instead.</summary>
    private async Task<bool> PollStillOpenAfterAsync(int ms) =>
        !await Eventually.UntilAsync(PollServerEnd, TimeSpan.FromMilliseconds(ms), _run.Time, _run.Stopping, pollEvery: StatePollEvery);

    /// <summary>True (and the end decided) once the kernel says the server sent FIN or RST.</summary>
    private bool PollServerEnd()
    {
        if (ServerGone) return true;
        switch (TcpState.Of(_socket))
        {
            case TcpState.PeerEnd.Fin: Decide(ConnectionEnd.ServerClosed); return true;
            case TcpState.PeerEnd.Reset: Decide(ConnectionEnd.ServerReset); return true;
            default: return false;
        }
    }

    /// <summary>
    /// Ends the watch loop, then reads what the kernel already holds: a reply and FIN that arrived just before
    /// we close (a server turning us away as we stop) belong to the result, though the loop had not been
    /// scheduled to read them yet.
    /// </summary>
    private async Task StopWatchingAsync()
    {
        _stopWatching!.Cancel();
        await _watch; // a cancelled receive consumes nothing; never throws
        _stopWatching.Dispose();
        if (ServerGone) return;
        byte[]? buffer = null;
        try
        {
            while (_socket.Available > 0)
            {
                buffer ??= ArrayPool<byte>.Shared.Rent(ReadBufferSize);
                int n = _socket.Receive(buffer, Math.Min(buffer.Length, _socket.Available), SocketFlags.None);
                if (n == 0) break;
                Count(buffer.AsSpan(0, n));
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            Decide(ConnectionEnd.ServerReset);
        }
        catch (SocketException)
        {
            // Nothing more to read; the closer decides the end.
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task WatchAsync(CancellationToken stop)
    {
        byte[]? buffer = null;
        try
        {
            while (true)
            {
                await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, stop);
                buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
                int n = await _socket.ReceiveAsync(buffer, SocketFlags.None, stop);
                if (n == 0)
                {
                    Decide(ConnectionEnd.ServerClosed);
                    return;
                }
                Count(buffer.AsSpan(0, n));
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = null;
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            Decide(ConnectionEnd.ServerReset);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // We are closing, or the run is stopping: the closer decides the end.
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        Interlocked.Add(ref _received, bytes.Length);
        _run.Stats.OnReceived(bytes.Length);
        _run.Events.Read(Id, bytes.Length);
        if (_headLength >= ConnectionResult.MaxReplyHead) return;
        _head ??= new byte[ConnectionResult.MaxReplyHead];
        int take = Math.Min(bytes.Length, _head.Length - _headLength);
        bytes[..take].CopyTo(_head.AsSpan(_headLength));
        _headLength += take;
    }

    /// <summary>The one place an end is decided; true when this call decided it.</summary>
    private bool Decide(ConnectionEnd end)
    {
        if (Interlocked.CompareExchange(ref _end, (int)end, Undecided) != Undecided) return false;
        Interlocked.Exchange(ref _endedAt, _run.Time.GetTimestamp());
        _run.Stats.OnEnd(end);
        if (end != ConnectionEnd.ClosedByClient) _serverGone.TrySetResult();
        return true;
    }
}
