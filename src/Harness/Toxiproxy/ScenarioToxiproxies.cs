using System.Net;
using ChaosFeatures.Control;
using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.Harness.Toxiproxy;

/// <summary>
/// A scenario's Toxiproxy-compatible servers by name: ones it started in-process (our control server on a free
/// loopback port, seeded from the case) and external ones it was pointed at (a real Toxiproxy). Proxies the
/// scenario creates are remembered, so the end deletes them from an external server (leaving it as found),
/// and their listen ports go to the leak check; servers it started are stopped.
/// </summary>
public sealed class ScenarioToxiproxies(Func<ulong> seed, Func<IPeerEventSink> events, Action<int> trackPort) : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _servers = new(StringComparer.Ordinal);

    private sealed record Entry(ToxiproxyApi Api, ControlServer? Started)
    {
        public Dictionary<string, IPEndPoint> Proxies { get; } = new(StringComparer.Ordinal);
    }

    public async Task StartAsync(string name, CancellationToken ct)
    {
        Reserve(name);
        var server = await ControlServer.StartAsync(new ControlServerOptions { Port = 0, Seed = seed(), Events = events() }, ct);
        trackPort(server.Endpoint.Port);
        lock (_gate) _servers[name] = new Entry(new ToxiproxyApi(server.Url), server);
    }

    public void Attach(string name, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"Toxiproxy server \"{name}\": '{url}' is not an http(s) URL, e.g. http://127.0.0.1:8474");
        Reserve(name);
        lock (_gate) _servers[name] = new Entry(new ToxiproxyApi(uri), null);
    }

    public ToxiproxyApi Api(string name) => Get(name).Api;

    /// <summary>Creates a proxy on a free loopback port; returns where clients connect.</summary>
    public async Task<IPEndPoint> CreateProxyAsync(string server, string proxy, IPEndPoint upstream, CancellationToken ct)
    {
        var entry = Get(server);
        var listen = IPEndPoint.Parse(await entry.Api.CreateProxyAsync(proxy, "127.0.0.1:0", upstream.ToString(), ct));
        lock (_gate) entry.Proxies[proxy] = listen;
        trackPort(listen.Port);
        return listen;
    }

    public IPEndPoint ProxyEndPoint(string server, string proxy)
    {
        var entry = Get(server);
        lock (_gate)
            return entry.Proxies.TryGetValue(proxy, out var endPoint) ? endPoint
                : throw new InvalidOperationException($"server \"{server}\" has no proxy \"{proxy}\" made by this scenario; known: {Known(entry.Proxies.Keys)}");
    }

    private Entry Get(string name)
    {
        lock (_gate)
            return _servers.TryGetValue(name, out var entry) ? entry
                : throw new InvalidOperationException($"no Toxiproxy server \"{name}\" yet; known: {Known(_servers.Keys)}");
    }

    private void Reserve(string name)
    {
        lock (_gate)
            if (_servers.ContainsKey(name))
                throw new InvalidOperationException($"Toxiproxy server \"{name}\" is already defined in this scenario");
    }

    private static string Known(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Order()) : "none";

    public async ValueTask DisposeAsync() => await StopAllAsync(CallBound);

    /// <summary>
    /// Stops the servers it started and deletes its proxies from external ones, all servers at once and within
    /// <paramref name="bound"/>; returns one line per proxy that an external server did not delete in time.
    /// </summary>
    public async Task<IReadOnlyList<string>> StopAllAsync(TimeSpan bound)
    {
        KeyValuePair<string, Entry>[] entries;
        lock (_gate)
        {
            entries = [.. _servers];
            _servers.Clear();
        }
        using var within = new CancellationTokenSource(bound);
        var left = await Task.WhenAll(entries.Select(e => StopAsync(e.Key, e.Value, bound, within.Token)));
        return [.. left.SelectMany(l => l)];
    }

    private static async Task<IReadOnlyList<string>> StopAsync(string name, Entry entry, TimeSpan bound, CancellationToken ct)
    {
        var problems = new List<string>();
        if (entry.Started is { } server)
            await server.DisposeAsync();
        else
            foreach (var proxy in entry.Proxies.Keys)
            {
                try { await entry.Api.DeleteProxyAsync(proxy, ct); }
                catch (OperationCanceledException) { problems.Add($"proxy \"{proxy}\" left on Toxiproxy server \"{name}\": its delete did not answer within {bound.TotalSeconds:0.###} s"); }
                catch (Exception e) when (e is HttpRequestException or ToxiproxyApiException) { } // already gone, or the server is
            }
        entry.Api.Dispose();
        return problems;
    }

    /// <summary>How long the end gives an external server to delete the scenario's proxies when no budget is given.</summary>
    private static readonly TimeSpan CallBound = TimeSpan.FromSeconds(10);
}
