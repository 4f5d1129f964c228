using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Sockets;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>
/// A client connection and its upstream twin, pumped both ways. Ends exactly once, through
/// <see cref="Close"/>: the first reason wins and decides FIN or RST for both sockets.
/// </summary>
internal sealed class ProxyConnection : IToxicHost
{
    private readonly ToxicProxy _proxy;
    private readonly Socket _client;
    private readonly CancellationTokenSource _closed = new();
    private Socket? _upstream;
    private ProxyDirection? _toServer;
    private ProxyDirection? _toClient;
    private int _closing;

    public ProxyConnection(ToxicProxy proxy, long id, Socket client)
    {
        _proxy = proxy;
        Id = id;
        _client = client;
        Closed = _closed.Token;
    }

    public long Id { get; }

    public CancellationToken Closed { get; }

    public TimeProvider Time => _proxy.Options.TimeProvider;

    public ProxyEvents Events => _proxy.Events;

    IPeerEventSink? IToxicHost.Events => _proxy.Events.Sink;

    bool IToxicHost.ChunkEventsOn => _proxy.Events.BytesOn;

    public async Task RunAsync()
    {
        _client.NoDelay = true;
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
        if (Events.On) Events.Emit("accept", Id, [new("remote", _client.RemoteEndPoint?.ToString())]);
        if (!await _proxy.ConnectPhase.PassAsync(this).ConfigureAwait(false)) return;
        Socket? upstream = await DialAsync().ConfigureAwait(false);
        if (upstream is null) return;
        _upstream = upstream;
        if (Volatile.Read(ref _closing) == 1) SocketCloser.CloseGracefully(upstream); // closed while dialing

        ulong seed = _proxy.Options.Seed;
        int bufferSize = _proxy.Options.BufferSize, queue = _proxy.Options.MaxQueuedChunks;
        _toServer = new ProxyDirection(this, ToxicStream.Upstream, _client, upstream,
            new ChainIdentity(seed, Id, ToxicStream.Upstream, Time, this, Closed), bufferSize, queue);
        _toClient = new ProxyDirection(this, ToxicStream.Downstream, upstream, _client,
            new ChainIdentity(seed, Id, ToxicStream.Downstream, Time, this, Closed), bufferSize, queue);
        if (!_proxy.TryStartPumping(this))
        {
            Close(CloseMode.Fin, "proxy disabled");
            return;
        }
        await Task.WhenAll(_toServer.RunAsync(), _toClient.RunAsync()).ConfigureAwait(false);
        Close(CloseMode.Fin, "both directions ended");
    }

    /// <summary>Called under the proxy's toxic lock, so a connection never misses a change. A no-op while dialing.</summary>
    public void Apply(StreamToxics toxics)
    {
        _toServer?.Apply(toxics.Upstream);
        _toClient?.Apply(toxics.Downstream);
    }

    public void CloseConnection(CloseMode mode, string reason) => Close(mode, reason);

    public void Close(CloseMode mode, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1) return;
        if (Events.On) Events.Emit(mode == CloseMode.Rst ? "rst" : "close", Id, [new("reason", reason)]);
        _closed.Cancel();
        _toServer?.Chain.DetachAll();
        _toClient?.Chain.DetachAll();
        foreach (Socket? socket in new[] { _client, _upstream })
        {
            if (socket is null) continue;
            if (mode == CloseMode.Rst) SocketCloser.Reset(socket);
            else SocketCloser.CloseGracefully(socket);
        }
    }

    /// <summary>Half-close: the source sent FIN, so we shut down our send side towards the destination.</summary>
    public void SendFin(Socket destination, ToxicStream stream)
    {
        // The event first: a peer that reads the EOF must find it already logged.
        if (Events.On) Events.Emit("fin", Id, [new("stream", ToxicOptions.StreamName(stream))]);
        SocketCloser.SendFin(destination);
    }

    public async ValueTask SendAllAsync(Socket destination, ReadOnlyMemory<byte> data, ToxicStream stream)
    {
        int total = data.Length;
        while (!data.IsEmpty)
        {
            int sent = await destination.SendAsync(data, SocketFlags.None, Closed).ConfigureAwait(false);
            data = data[sent..];
        }
        if (Events.BytesOn) EmitBytes("write", stream, total);
    }

    public void EmitBytes(string name, ToxicStream stream, int bytes) =>
        Events.Emit(name, Id, [new("stream", ToxicOptions.StreamName(stream)), new("bytes", (long)bytes)]);

    public void Emit(string name, KeyValuePair<string, object?>[] fields) => Events.Emit(name, Id, fields);

    private async Task<Socket?> DialAsync()
    {
        if (_proxy.UpstreamHost is null)
        {
            // Toxiproxy takes any upstream text and fails only here, when a client connects.
            if (Events.On) Events.Emit("upstream_dial_failed", Id, [new("upstream", _proxy.Options.Upstream), new("error", "not host:port")]);
            Close(CloseMode.Fin, "upstream is not host:port");
            return null;
        }
        var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var dialTimeout = CancellationTokenSource.CreateLinkedTokenSource(Closed);
        dialTimeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await upstream.ConnectAsync(_proxy.UpstreamHost, _proxy.UpstreamPort, dialTimeout.Token).ConfigureAwait(false);
            if (Events.On) Events.Emit("upstream_connect", Id, [new("upstream", _proxy.Options.Upstream), new("local", upstream.LocalEndPoint?.ToString())]);
            return upstream;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            upstream.Dispose();
            if (Events.On)
                Events.Emit("upstream_dial_failed", Id, [new("upstream", _proxy.Options.Upstream), new("error", (ex as SocketException)?.SocketErrorCode.ToString() ?? "timeout")]);
            Close(CloseMode.Fin, "upstream dial failed");
            return null;
        }
    }
}
