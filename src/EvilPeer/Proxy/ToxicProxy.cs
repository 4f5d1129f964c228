using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Toxics;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>
/// A TCP proxy with Toxiproxy's toxics, in process. Toxics can be added, updated and removed
/// while connections are live; each call returns at once and never loses, duplicates or
/// reorders bytes. With no toxics a connection is a plain socket-to-socket pump. With
/// <see cref="ToxicProxyOptions.Tls"/> the listener terminates TLS (and its faults) towards the clients.
/// </summary>
public sealed class ToxicProxy : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ProxyConnection> _live = [];
    private readonly List<Task> _running = [];
    private ToxicOptions[] _toxics = [];
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private IPEndPoint? _endpoint;
    private long _nextConnectionId;
    private bool _disposed;

    public ToxicProxy(ToxicProxyOptions options)
    {
        options.Validate();
        Options = options;
        ToxicProxyOptions.TryParseHostPort(options.Upstream, out string host, out int port);
        UpstreamHost = host;
        UpstreamPort = port;
        Events = new ProxyEvents(options.Name, options.Events);
    }

    public ToxicProxyOptions Options { get; }

    public string Name => Options.Name;

    /// <summary>The bound listen address (the real port when <c>listen</c> asked for port 0).</summary>
    public IPEndPoint ListenEndpoint => _endpoint ?? throw new InvalidOperationException($"Proxy '{Name}' has not been started.");

    public bool Enabled { get { lock (_gate) return _listener is not null; } }

    public IReadOnlyList<ToxicOptions> Toxics => Volatile.Read(ref _toxics);

    public int ConnectionCount { get { lock (_gate) return _live.Count; } }

    /// <summary>The listener's TLS handshakes, faults and failures (all zero without <see cref="ToxicProxyOptions.Tls"/>).</summary>
    public TlsCounters TlsStats { get; } = new();

    internal ProxyEvents Events { get; }
    internal string UpstreamHost { get; }
    internal int UpstreamPort { get; }

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
            if (_listener is not null) return;
            IPEndPoint endpoint = _endpoint ?? IPEndPoint.Parse(Options.Listen);
            var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(endpoint);
                listener.Listen(512);
            }
            catch
            {
                listener.Dispose();
                throw;
            }
            _listener = listener;
            _endpoint = (IPEndPoint)listener.LocalEndPoint!;
            _acceptLoop = AcceptLoopAsync(listener);
        }
    }

    /// <summary>Toxiproxy's <c>enabled: false</c>: closes the listener (new connections are refused) and closes live connections with FIN.</summary>
    public void Disable()
    {
        ProxyConnection[] live;
        lock (_gate)
        {
            _listener?.Dispose();
            _listener = null;
            live = [.. _live.Values];
        }
        foreach (ProxyConnection connection in live) connection.Close(CloseMode.Fin, "proxy disabled");
    }

    /// <summary>Validates and appends a toxic; live connections pick it up from their next chunk.</summary>
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
        await _acceptLoop.ConfigureAwait(false);
        lock (_gate) running = [.. _running];
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>The connection has its upstream: give it the current toxics, unless the proxy went down meanwhile.</summary>
    internal bool TryStartPumping(ProxyConnection connection)
    {
        lock (_gate)
        {
            if (_listener is null) return false;
            connection.Apply(_toxics);
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
        foreach (ProxyConnection connection in _live.Values) connection.Apply(toxics);
    }

    private int Find(string name) => Array.FindIndex(_toxics, t => t.ResolvedName == name);

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return; // the listener was closed by Disable
            }
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
