using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Peers.Accept;
using ChaosFeatures.EvilPeer.Tls;

namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>
/// A running EvilPeer, from <see cref="PeerHost.StartAsync"/>. Serves every accepted connection
/// concurrently until disposed; disposal stops the listener, closes live connections (FIN, or
/// RST when the behaviour resets) and awaits every loop, so nothing is left behind.
/// </summary>
public sealed class Peer : IPeer
{
    private readonly Socket _listener;
    private readonly PeerEvents _events;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private readonly Task _acceptLoop;
    private int _disposed;

    internal Peer(PeerOptions options, Socket listener, PeerEvents events, TimeProvider time)
    {
        Options = options;
        _listener = listener;
        _events = events;
        _time = time;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptLoop = options.AcceptFault.Kind is AcceptFaultKind.Refuse or AcceptFaultKind.NeverAccept
            ? Task.CompletedTask
            : AcceptLoopAsync();
    }

    public string Name => Options.Name;
    public PeerOptions Options { get; }

    /// <summary>The bound endpoint (the real port when the options asked for port 0).</summary>
    public IPEndPoint EndPoint { get; }

    public PeerStats Stats { get; } = new();

    /// <summary>Wait until <paramref name="count"/> connections have finished their behaviour.</summary>
    /// <exception cref="TimeoutException">Not within <paramref name="timeout"/>; the message carries the stats.</exception>
    public Task WaitForConnectionsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Stats.WaitForFinishedAsync(Name, count, timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stopping.Cancel();
        _listener.Dispose();
        await _acceptLoop;
        await Task.WhenAll(_connections.Values);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        await Task.Yield();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                Socket socket;
                try { socket = await _listener.AcceptAsync(_stopping.Token); }
                catch (SocketException e) when (!_stopping.IsCancellationRequested)
                {
                    // e.g. a connection aborted while queued: that one is lost, the listener is fine
                    Stats.OnError();
                    _events.Error(0, $"accept: {e.SocketErrorCode}");
                    continue;
                }
                long id = Stats.OnAccepted();
                Start(socket, id);
                if (id >= Options.MaxConnections)
                {
                    _listener.Dispose(); // later connects are refused rather than left in a backlog
                    return;
                }
            }
        }
        catch (Exception) when (_stopping.IsCancellationRequested) { }
        catch (Exception e)
        {
            Stats.OnError();
            _events.Error(0, $"accept: {e.Message}");
        }
    }

    private void Start(Socket socket, long id)
    {
        var connection = new PeerConnection(socket, id, _events, Stats, _time, _stopping.Token);
        _events.Accept(id, socket.RemoteEndPoint);
        Task run = RunConnectionAsync(connection, socket);
        _connections[id] = run;
        run.ContinueWith((_, state) => _connections.TryRemove((long)state!, out Task? _), id, TaskScheduler.Default);
    }

    private async Task RunConnectionAsync(PeerConnection connection, Socket socket)
    {
        await Task.Yield(); // let the accept loop go back to accepting
        PeerBehaviour behaviour = Options.Behaviour;
        try
        {
            // Inside the try: the client may already have reset this socket.
            socket.NoDelay = Options.NoDelay;
            if (Options.SendBufferSize > 0) socket.SendBufferSize = Options.SendBufferSize;
            AcceptFault fault = Options.AcceptFault;
            if (fault.Kind == AcceptFaultKind.CloseAtOnce)
            {
                await connection.CloseAsync(fault.HardReset);
                return;
            }
            if (fault.Kind == AcceptFaultKind.Delay) await connection.DelayAsync(fault.DelayMs, "accept");
            if (Options.Tls is { } tls && !await connection.StartTlsAsync(tls)) return;
            await behaviour.RunAsync(connection);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: no close_notify, the client may be mid-read and the peer is going away anyway.
            await connection.CloseAsync(behaviour.ClosesWithReset, closeNotify: false);
        }
        catch (TlsFaultFiredException)
        {
            // A record-level TLS fault cut the stream and already ended the connection as planned.
        }
        catch (Exception e) when (connection.IsCertificateRejection(e))
        {
            // The handshake completed on our side, then the client judged the bad certificate and
            // left: that is what the certificate fault is for, not a peer error.
            connection.Release("tls_rejected");
        }
        catch (Exception e)
        {
            Stats.OnError();
            _events.Error(connection.Id, e is SocketException se ? se.SocketErrorCode.ToString() : e.Message);
            connection.Release("error");
        }
        finally
        {
            connection.Release("done");
            connection.ReportFinished();
        }
    }
}
