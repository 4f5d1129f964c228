using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Connect;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>
/// A TCP proxy with Toxiproxy's toxics, in process. Toxics can be added, updated and removed
/// while connections are live; each call returns at once and never loses, duplicates or
/// reorders bytes. With no toxics a connection is a plain socket-to-socket pump. Connect-phase
/// toxics (<see cref="ConnectToxicOptions"/>) act on the listener and on new connections. With
/// <see cref="ToxicProxyOptions.Tls"/> the listener terminates TLS (and its faults) towards the clients.
/// </summary>
public sealed class ToxicProxy : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ProxyConnection> _live = [];
    private readonly List<Task> _running = [];
    private readonly ConnectPhase _connectPhase;
    private readonly ToxicRollout _rollout;
    private ToxicOptions[] _toxics = [];
    private StreamToxics _byStream = StreamToxics.Empty;
    private Socket? _socket; // listening, or only bound while a connect_refuse toxic holds the port
    private CancellationTokenSource? _listening;
    private IPEndPoint? _endpoint;
    private long _nextConnectionId;
    private ClientSendWatch[] _watches = [];
    private bool _enabled;
    private bool _disposed;

    public ToxicProxy(ToxicProxyOptions options)
    {
        options.Validate();
        Options = options;
        if (ToxicProxyOptions.TryParseHostPort(options.Upstream, out string host, out int port))
        {
            UpstreamHost = host;
            UpstreamPort = port;
        }
        Events = new ProxyEvents(options.Name, options.Events, options.ByteEvents);
        _connectPhase = new ConnectPhase(options, Events);
        _rollout = new ToxicRollout(() => { lock (_gate) return [.. _live.Values]; });
    }

    public ToxicProxyOptions Options { get; }

    public string Name => Options.Name;

    /// <summary>The bound listen address (the real port when <c>listen</c> asked for port 0).</summary>
    public IPEndPoint ListenEndpoint => _endpoint ?? throw new InvalidOperationException($"Proxy '{Name}' has not been started.");

    public bool Enabled { get { lock (_gate) return _enabled; } }

    public IReadOnlyList<ToxicOptions> Toxics => Volatile.Read(ref _toxics);

    public int ConnectionCount { get { lock (_gate) return _live.Count; } }

    /// <summary>
    /// Completes once a client sends <paramref name="bytes"/> through the proxy, on any connection, counting only what
    /// the proxy reads after this call, and as it reads it (before any toxic holds it back): a caller that sees it
    /// complete knows that request is in flight. Other traffic (a client library's own heartbeats) does not count.
    /// </summary>
    public Task WhenClientSends(ReadOnlySpan<byte> bytes, CancellationToken cancellationToken = default)
    {
        if (bytes.IsEmpty) throw new ArgumentException("The bytes to watch for are empty.", nameof(bytes));
        var watch = new ClientSendWatch(bytes.ToArray());
        lock (_gate) _watches = [.. _watches, watch];
        return WatchAsync(watch, cancellationToken);
    }

    private async Task WatchAsync(ClientSendWatch watch, CancellationToken cancellationToken)
    {
        try
        {
            await watch.Seen.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate) _watches = Array.FindAll(_watches, w => w != watch);
        }
    }

    /// <summary>Bytes a connection read from its client, for the watches (none, most of the time).</summary>
    internal void ClientSent(long connection, ReadOnlySpan<byte> bytes)
    {
        foreach (ClientSendWatch watch in Volatile.Read(ref _watches)) watch.Observe(connection, bytes);
    }

    /// <summary>The listener's TLS handshakes, faults and failures (all zero without <see cref="ToxicProxyOptions.Tls"/>).</summary>
    public TlsCounters TlsStats { get; } = new();

    internal ProxyEvents Events { get; }

    /// <summary>Null when the upstream text is not host:port (allowed by <see cref="ToxicProxyOptions.UpstreamCheckedAtDial"/>).</summary>
    internal string? UpstreamHost { get; }

    internal int UpstreamPort { get; }

    internal ConnectPhase ConnectPhase => _connectPhase;

    /// <summary>The chain toxics now: what each connection's directions make their chains match, at their next chunk or sooner.</summary>
    internal StreamToxics CurrentToxics => Volatile.Read(ref _byStream);

    /// <summary>Binds and starts accepting. Throws <see cref="SocketException"/> if the address is taken.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Enable();
        return Task.CompletedTask;
    }

    /// <summary>Listens again (on the same port once one was bound). Idempotent.</summary>
    public void Enable()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_enabled) return;
            Bind(_endpoint ?? IPEndPoint.Parse(Options.Listen));
            _enabled = true;
        }
    }

    /// <summary>Toxiproxy's <c>enabled: false</c>: closes the listener (new connections are refused) and closes live connections with FIN.</summary>
    public void Disable()
    {
        ProxyConnection[] live;
        lock (_gate)
        {
            _enabled = false;
            CloseSocket();
            live = [.. _live.Values];
        }
        foreach (ProxyConnection connection in live) connection.Close(CloseMode.Fin, "proxy disabled");
    }

    /// <summary>Ends every live connection with an RST on both sides now; the listener stays open, so a client may reconnect at once.</summary>
    /// <returns>How many connections were reset.</returns>
    public int ResetConnections()
    {
        ProxyConnection[] live;
        lock (_gate) live = [.. _live.Values];
        foreach (ProxyConnection connection in live) connection.Close(CloseMode.Rst, "proxy reset");
        return live.Length;
    }

    /// <summary>
    /// Validates and appends a toxic, and returns without waiting for the live connections: each picks the
    /// toxic up at its next chunk, and an idle one moments later (its timers start then).
    /// </summary>
    /// <exception cref="InvalidOperationException">A toxic with that name exists.</exception>
    public ToxicOptions AddToxic(ToxicOptions toxic)
    {
        toxic.Validate();
        lock (_gate)
        {
            if (Find(toxic.ResolvedName) >= 0)
                throw new InvalidOperationException($"Toxic '{toxic.ResolvedName}' already exists on proxy '{Name}'.");
            Publish([.. _toxics, toxic]);
        }
        return toxic;
    }

    /// <summary>Replaces the toxic with the same name in place (its state restarts, toxicity is redrawn).</summary>
    /// <exception cref="KeyNotFoundException">No toxic with that name.</exception>
    public ToxicOptions UpdateToxic(ToxicOptions toxic)
    {
        toxic.Validate();
        lock (_gate)
        {
            int index = Find(toxic.ResolvedName);
            if (index < 0) throw new KeyNotFoundException($"Toxic '{toxic.ResolvedName}' not found on proxy '{Name}'.");
            ToxicOptions[] next = [.. _toxics];
            next[index] = toxic;
            Publish(next);
        }
        return toxic;
    }

    public bool RemoveToxic(string name)
    {
        lock (_gate)
        {
            int index = Find(name);
            if (index < 0) return false;
            Publish([.. _toxics.Where((_, i) => i != index)]);
            return true;
        }
    }

    /// <summary>Closes the listener and every connection, and waits for every pump to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        Disable();
        lock (_gate) running = [.. _running, _rollout.Completion];
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>
    /// The connection has its upstream: give it the current toxics, unless the proxy went down meanwhile. Under the
    /// lock, so a change is either in this snapshot or published after it, and then its walk finds the connection.
    /// </summary>
    internal bool TryStartPumping(ProxyConnection connection)
    {
        lock (_gate)
        {
            if (!_enabled) return false;
            connection.RefreshToxics();
            return true;
        }
    }

    internal void Unregister(ProxyConnection connection)
    {
        lock (_gate) _live.Remove(connection.Id);
    }

    private void Publish(ToxicOptions[] toxics)
    {
        Volatile.Write(ref _toxics, toxics);
        // Split once, not once per connection: 1,000 connections make it count.
        Volatile.Write(ref _byStream, StreamToxics.Of(toxics, _byStream.Version + 1));
        bool wasRefusing = _connectPhase.Refusing;
        _connectPhase.Publish(toxics);
        if (_enabled && wasRefusing != _connectPhase.Refusing) Bind(_endpoint!);
        _rollout.Request();
    }

    private int Find(string name) => Array.FindIndex(_toxics, t => t.ResolvedName == name);

    /// <summary>
    /// Under the lock. Listens on <paramref name="endpoint"/>, or, while a connect_refuse toxic is
    /// present, only binds it: the port stays ours and connects are refused. A socket that is only
    /// bound can start listening later, so lifting the refusal never gives the port away.
    /// </summary>
    private void Bind(IPEndPoint endpoint)
    {
        Socket? socket = _socket;
        if (socket is not null && _listening is not null) CloseSocket(); // listening -> refusing
        if (_socket is null)
        {
            socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                // No ReuseAddress: on Linux .NET maps it to SO_REUSEPORT as well, which would let a
                // second proxy listen on a taken port. .NET already sets SO_REUSEADDR on Unix.
                // "[::]" is Go's dual-stack wildcard: it takes IPv4 clients as well.
                if (endpoint.Address.Equals(IPAddress.IPv6Any)) socket.DualMode = true;
                socket.Bind(endpoint);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            _socket = socket;
            _endpoint = (IPEndPoint)socket.LocalEndPoint!;
        }
        if (_connectPhase.Refusing) return;
        _socket!.Listen(512);
        _listening = new CancellationTokenSource();
        _running.RemoveAll(t => t.IsCompleted);
        _running.Add(AcceptLoopAsync(_socket, _listening.Token));
    }

    private void CloseSocket()
    {
        _listening?.Cancel();
        _listening = null;
        _socket?.Dispose();
        _socket = null;
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stop)
    {
        await Task.Yield(); // never run the loop under the caller's lock
        while (true)
        {
            Socket client;
            try
            {
                await _connectPhase.UntilAcceptingAsync(stop).ConfigureAwait(false);
                client = await listener.AcceptAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return; // the listener was closed by Disable or a connect_refuse toxic
            }
            // Before the connection is tracked: once it is, Disable or dispose may close the socket at any moment.
            client.NoDelay = true;
            var connection = new ProxyConnection(this, Interlocked.Increment(ref _nextConnectionId), client);
            lock (_gate)
            {
                // Tracked from accept on, so Disable also closes connections still dialing upstream.
                _live.Add(connection.Id, connection);
                _running.RemoveAll(t => t.IsCompleted);
                _running.Add(Task.Run(connection.RunAsync));
            }
        }
    }
}
