using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Proxy.Ends;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>
/// A client connection and its upstream twin, pumped both ways. Ends exactly once, through
/// <see cref="Close"/>: the first reason wins and decides FIN or RST for both sockets. With
/// <see cref="ToxicProxyOptions.Tls"/> the client's side is a TLS server end (handshake and faults
/// first, upstream dialled only once it is up), and the toxics act on the plaintext.
/// </summary>
internal sealed class ProxyConnection : IToxicHost
{
    private readonly ToxicProxy _proxy;
    private readonly Socket _client;
    private readonly string? _remote;
    private readonly CancellationTokenSource _closed = new();
    private ProxyEnd _clientEnd;
    private SocketEnd? _upstream;
    private ProxyDirection? _toServer;
    private ProxyDirection? _toClient;
    private TlsServerConnection? _tls;
    private int _closing;

    public ProxyConnection(ToxicProxy proxy, long id, Socket client)
    {
        _proxy = proxy;
        Id = id;
        _client = client;
        // Read here, before the connection is tracked: once it is, Disable may dispose the socket before it runs.
        _remote = client.RemoteEndPoint?.ToString();
        _clientEnd = new SocketEnd(client);
        Closed = _closed.Token;
    }

    public long Id { get; }

    public CancellationToken Closed { get; }

    public TimeProvider Time => _proxy.Options.TimeProvider;

    public ProxyEvents Events => _proxy.Events;

    /// <summary>A read from one end: what the client sent goes to the proxy's <see cref="ToxicProxy.WhenClientSends"/> watches.</summary>
    public void Read(ToxicStream stream, ReadOnlySpan<byte> bytes)
    {
        if (stream == ToxicStream.Upstream) _proxy.ClientSent(Id, bytes);
        if (Events.BytesOn) EmitBytes("read", stream, bytes.Length);
    }

    IPeerEventSink? IToxicHost.Events => _proxy.Events.Sink;

    bool IToxicHost.ChunkEventsOn => _proxy.Events.BytesOn;

    public async Task RunAsync()
    {
        try
        {
            await PumpAsync().ConfigureAwait(false);
        }
        finally
        {
            _proxy.Unregister(this);
        }
    }

    private async Task PumpAsync()
    {
        if (Events.On) Events.Emit(PeerEventNames.Accept, Id, [new("remote", _remote)]);
        if (!await _proxy.ConnectPhase.PassAsync(this).ConfigureAwait(false)) return;
        if (_proxy.Options.Tls is { } tls && !await StartTlsAsync(tls).ConfigureAwait(false)) return;
        Socket? upstream = await DialAsync().ConfigureAwait(false);
        if (upstream is null) return;
        var server = _upstream = new SocketEnd(upstream);
        if (Volatile.Read(ref _closing) == 1) server.Close(CloseMode.Fin); // closed while dialing

        ulong seed = _proxy.Options.Seed;
        int bufferSize = _proxy.Options.BufferSize, queue = _proxy.Options.MaxQueuedChunks;
        _toServer = new ProxyDirection(this, ToxicStream.Upstream, _clientEnd, server,
            new ChainIdentity(seed, Id, ToxicStream.Upstream, Time, this, Closed), bufferSize, queue);
        _toClient = new ProxyDirection(this, ToxicStream.Downstream, server, _clientEnd,
            new ChainIdentity(seed, Id, ToxicStream.Downstream, Time, this, Closed), bufferSize, queue);
        if (!_proxy.TryStartPumping(this))
        {
            Close(CloseMode.Fin, "proxy disabled");
            return;
        }
        await Task.WhenAll(_toServer.RunAsync(), _toClient.RunAsync()).ConfigureAwait(false);
        Close(CloseMode.Fin, "both directions ended");
    }

    /// <summary>The proxy's chain toxics now.</summary>
    public StreamToxics CurrentToxics => _proxy.CurrentToxics;

    /// <summary>Makes both chains match the proxy's newest toxics. A no-op while dialing: pumping starts with the newest.</summary>
    public void RefreshToxics()
    {
        _toServer?.RefreshToxics();
        _toClient?.RefreshToxics();
    }

    public void CloseConnection(CloseMode mode, string reason) => Close(mode, reason);

    public void Close(CloseMode mode, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1) return;
        if (Events.On) Events.Emit(mode == CloseMode.Rst ? PeerEventNames.Rst : PeerEventNames.Close, Id, [new("reason", reason)]);
        _closed.Cancel();
        _toServer?.Chain.DetachAll();
        _toClient?.Chain.DetachAll();
        _clientEnd.Close(mode);
        _upstream?.Close(mode);
        _tls?.Dispose(); // a handshake that never became an end still holds its SslStream
    }

    /// <summary>Half-close: the source sent FIN, so we shut down our send side towards the destination (close_notify first over TLS).</summary>
    public async ValueTask SendFinAsync(ProxyEnd destination, ToxicStream stream)
    {
        await destination.BeforeFinAsync().ConfigureAwait(false);
        // The event before the FIN: a peer that reads the EOF must find it already logged (and close_notify before it).
        if (Events.On) Events.Emit(PeerEventNames.Fin, Id, [new("stream", ToxicOptions.StreamName(stream))]);
        destination.SendFin();
    }

    public async ValueTask SendAllAsync(ProxyEnd destination, ReadOnlyMemory<byte> data, ToxicStream stream)
    {
        int total = data.Length;
        while (!data.IsEmpty)
        {
            int sent = await destination.SendAsync(data, Closed).ConfigureAwait(false);
            data = data[sent..];
        }
        if (Events.BytesOn) EmitBytes("write", stream, total);
    }

    /// <summary>
    /// A record-level TLS fault (half a record) cut the client's stream: end as its stop says. A hold
    /// stops only the direction that was cut; the connection lasts until the client leaves or the proxy stops.
    /// </summary>
    /// <summary>
    /// How a pump of this connection (a direction's reader, or its writer) ends on an exception. A cancellation or
    /// disposal after the connection closed is the expected way out; a fired TLS fault ends the connection as its stop
    /// says; a socket error (the source reset us, the destination refused our write) passes the abort on with an RST;
    /// anything else is a bug, not a network event: it is reported, and the peers are never left hanging on a dead pump.
    /// </summary>
    /// <param name="socketFailure">How the close reason names a socket error, after the stream's name (": " for a read).</param>
    /// <param name="pump">What failed, in the reason of an unexpected exception ("pump", "writer").</param>
    public void EndPump(Exception exception, ToxicStream stream, string socketFailure, string pump)
    {
        string name = ToxicOptions.StreamName(stream);
        switch (exception)
        {
            case OperationCanceledException or ObjectDisposedException when Closed.IsCancellationRequested:
                return;
            case TlsFaultFiredException fault:
                EndByTlsFault(fault);
                return;
            case SocketException socket:
                Close(CloseMode.Rst, $"{name}{socketFailure}{socket.SocketErrorCode}");
                return;
            default:
                if (Events.On) Emit(PeerEventNames.Error, [new("stream", name), new("error", exception.ToString())]);
                Close(CloseMode.Rst, $"{name} {pump} failed: {exception.GetType().Name}");
                return;
        }
    }

    public void EndByTlsFault(TlsFaultFiredException fault)
    {
        switch (_proxy.Options.Tls!.Stop)
        {
            case TlsStopMode.Reset: Close(CloseMode.Rst, $"tls fault {fault.Fault}"); break;
            case TlsStopMode.Fin: Close(CloseMode.Fin, $"tls fault {fault.Fault}"); break;
        }
    }

    public void EmitBytes(string name, ToxicStream stream, int bytes) =>
        Events.Emit(name, Id, [new("stream", ToxicOptions.StreamName(stream)), new("bytes", (long)bytes)]);

    public void Emit(string name, KeyValuePair<string, object?>[] fields) => Events.Emit(name, Id, fields);

    /// <summary>
    /// The listener's TLS: the handshake with its faults, before anything goes upstream. False when the
    /// connection is already over: a fault stopped it (FIN, RST, or held silent until the proxy closes it)
    /// or the client broke the handshake off.
    /// </summary>
    private async Task<bool> StartTlsAsync(TlsOptions options)
    {
        var events = new TlsEvents(Events.On ? (name, fields) => Events.Emit(name, Id, fields) : null, _proxy.TlsStats.OnEvent);
        try
        {
            _tls = await TlsServerConnection.AcceptAsync(_client, options, Time, events, Closed).ConfigureAwait(false);
        }
        catch (Exception) when (Closed.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            events.Failed(e.Message);
            Close(e is SocketException { SocketErrorCode: SocketError.ConnectionReset } ? CloseMode.Rst : CloseMode.Fin, "tls handshake failed");
            return false;
        }
        if (_tls.Ended is { } fault)
        {
            await StopAsync(_tls.StopMode, $"tls fault {fault}").ConfigureAwait(false);
            return false;
        }
        if (_tls.Failure is not null)
        {
            Close(CloseMode.Fin, "tls handshake failed");
            return false;
        }
        _clientEnd = new TlsEnd(_client, _tls, options, events);
        return true;
    }

    private async Task StopAsync(TlsStopMode mode, string reason)
    {
        if (mode == TlsStopMode.Hold)
        {
            if (Events.On) Events.Emit(PeerEventNames.Hold, Id, [new("reason", reason)]);
            try { await Task.Delay(Timeout.InfiniteTimeSpan, Time, Closed).ConfigureAwait(false); }
            catch (OperationCanceledException) { }
            return;
        }
        Close(mode == TlsStopMode.Reset ? CloseMode.Rst : CloseMode.Fin, reason);
    }

    private async Task<Socket?> DialAsync()
    {
        if (_proxy.UpstreamHost is null)
        {
            // Toxiproxy takes any upstream text and fails only here, when a client connects.
            if (Events.On) Events.Emit(PeerEventNames.UpstreamDialFailed, Id, [new("upstream", _proxy.Options.Upstream), new("error", "not host:port")]);
            Close(CloseMode.Fin, "upstream is not host:port");
            return null;
        }
        var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var dialBound = new CancellationTokenSource(TimeSpan.FromSeconds(10), Time);
        using var dialTimeout = CancellationTokenSource.CreateLinkedTokenSource(Closed, dialBound.Token);
        try
        {
            await upstream.ConnectAsync(_proxy.UpstreamHost, _proxy.UpstreamPort, dialTimeout.Token).ConfigureAwait(false);
            if (Events.On) Events.Emit(PeerEventNames.UpstreamConnect, Id, [new("upstream", _proxy.Options.Upstream), new("local", upstream.LocalEndPoint?.ToString())]);
            return upstream;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            upstream.Dispose();
            if (Events.On)
                Events.Emit(PeerEventNames.UpstreamDialFailed, Id, [new("upstream", _proxy.Options.Upstream), new("error", (ex as SocketException)?.SocketErrorCode.ToString() ?? "timeout")]);
            Close(CloseMode.Fin, "upstream dial failed");
            return null;
        }
    }
}
