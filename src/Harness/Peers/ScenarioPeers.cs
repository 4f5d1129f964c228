using System.Collections.Concurrent;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.Leaks;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Harness.Servers;

namespace ChaosFeatures.Harness.Peers;

/// <summary>
/// The scenario's named peers: configured by Given steps, started on first use (so every Given has
/// been applied and the seeds are final), ports tracked for the leak check, disposed at the end.
/// </summary>
public sealed class ScenarioPeers(Func<CaseSeeds> seeds, Func<IPeerEventSink> events, LeakChecker leaks, ChaosCounters counters)
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, PeerSpec> _specs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<RunningPeer>>> _running = new(StringComparer.Ordinal);
    private bool _stopped;

    /// <summary>The evil peer <paramref name="name"/>, created by a step that says what it does or how it accepts ("an evil peer" steps).</summary>
    public EvilPeerSpec DefineEvilPeer(string name) => EvilPeer(Editable(_specs.GetOrAdd(name, n => new EvilPeerSpec(n))));

    /// <summary>Makes <paramref name="name"/> a real server of <paramref name="kind"/>; a name that already stands for something else is an error.</summary>
    public RealServerSpec DefineRealServer(string name, RealServerKind kind) => Editable(_specs.GetOrAdd(name, n => new RealServerSpec(n, kind))) switch
    {
        RealServerSpec server when server.Kind == kind => server,
        RealServerSpec server => throw new InvalidOperationException($"{server.Described}; it cannot also be a real {kind.Name} server (use another name)"),
        EvilPeerSpec { Mode: { } mode } => throw new InvalidOperationException(
            $"evil peer \"{name}\" is already a {PeerModes.Name(mode)} peer; it cannot also be a real {kind.Name} server (use another name)"),
        _ => throw new InvalidOperationException($"\"{name}\" already has evil-peer faults (forked, accept, TLS); a real server takes faults only through its proxy"),
    };

    /// <summary>An evil peer an earlier step defined, for a step that adds an evil-peer fault to it.</summary>
    public EvilPeerSpec ConfigureEvilPeer(string name) => EvilPeer(Configure(name));

    /// <summary>A peer of either kind an earlier step defined, for a step about its toxic proxy.</summary>
    public PeerSpec Configure(string name) => Editable(Spec(name));

    public PeerSpec Spec(string name) => _specs.TryGetValue(name, out var spec)
        ? spec
        : throw new InvalidOperationException($"no evil peer \"{name}\" yet; known: {Known()}. Define it first, e.g. 'Given an evil peer \"{name}\" serving 256 bytes'");

    /// <summary>Deterministic bytes for peer <paramref name="name"/> from the test's payload seed (an in-memory stream of that name and size holds the same).</summary>
    public Func<byte[]> GeneratedPayload(string name, int size) => () => seeds().PayloadFor(name).Payload(size);

    /// <summary>Starts the peer (and its proxy) the first time anyone needs it; later calls get the same one.</summary>
    public Task<RunningPeer> GetAsync(string name, CancellationToken cancellationToken)
    {
        var spec = Spec(name);
        if (_stopped) throw new InvalidOperationException($"evil peer \"{name}\" was already stopped (the sockets were checked for leaks)");
        return _running.GetOrAdd(name, _ => new Lazy<Task<RunningPeer>>(() => StartAsync(spec, cancellationToken))).Value;
    }

    /// <summary>Peers that started (or tried to), for assertions and counters.</summary>
    public IEnumerable<RunningPeer> Started =>
        _running.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully).Select(l => l.Value.Result);

    public void RecordCounters()
    {
        foreach (var peer in Started)
        {
            if (peer.Stats is { } stats) counters.RecordPeer(peer.Spec.Name, stats);
            if (peer.Proxy?.Options.Tls is not null) counters.RecordProxyTls(peer.Spec.Name, peer.Proxy.TlsStats);
        }
    }

    /// <summary>
    /// Stops every proxy and peer at once, all within <paramref name="bound"/> (<see cref="StopBound"/> when none is given:
    /// one hung peer must not delay the others); returns one line per peer that did not stop. Later use is an error.
    /// </summary>
    public async Task<IReadOnlyList<string>> StopAllAsync(TimeSpan? bound = null)
    {
        _stopped = true;
        var within = bound ?? StopBound;
        var stops = _running.Where(r => r.Value.IsValueCreated).Select(r => StopAsync(r.Key, r.Value.Value, within));
        return [.. (await Task.WhenAll(stops)).OfType<string>()];
    }

    private static async Task<string?> StopAsync(string name, Task<RunningPeer> starting, TimeSpan bound)
    {
        var stopping = StopOnceStartedAsync(starting); // a start still in flight counts against the bound too
        try
        {
            await stopping.WaitAsync(bound);
            return null;
        }
        catch (TimeoutException) when (!stopping.IsCompleted)
        {
            // Abandoned, not forgotten: the caller reports it, and a late fault must not surface as unobserved.
            _ = stopping.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return $"evil peer \"{name}\" did not stop within {bound.TotalSeconds:0.###} s";
        }
        catch (Exception e) { return $"evil peer \"{name}\" failed to stop: {e.GetType().Name}: {e.Message}"; }
    }

    private static async Task StopOnceStartedAsync(Task<RunningPeer> starting)
    {
        RunningPeer peer;
        try { peer = await starting; }
        catch (Exception) { return; } // it never started: the step that needed it already failed
        await peer.DisposeAsync();
    }

    private async Task<RunningPeer> StartAsync(PeerSpec spec, CancellationToken cancellationToken)
    {
        var proxySeed = seeds().ToxicFor(spec.Name, "proxy").Value;
        var peer = await RunningPeer.StartAsync(spec, events(), proxySeed, cancellationToken);
        leaks.TrackPort(peer.PeerEndPoint.Port);
        if (peer.Proxy is { } proxy) leaks.TrackPort(proxy.ListenEndpoint.Port);
        if (peer.Stats is { } stats) counters.RecordPeer(spec.Name, stats); // a real server keeps none
        if (peer.Proxy?.Options.Tls is not null) counters.RecordProxyTls(spec.Name, peer.Proxy.TlsStats);
        return peer;
    }

    /// <summary>A spec is an evil peer or a real server (PeerSpec's constructor admits no others); a real server takes faults only through its proxy.</summary>
    private static EvilPeerSpec EvilPeer(PeerSpec spec) => spec as EvilPeerSpec ?? throw new InvalidOperationException(
        $"{((RealServerSpec)spec).Described}: that step is for evil peers; front it with a toxic proxy instead");

    private PeerSpec Editable(PeerSpec spec) => _running.ContainsKey(spec.Name)
        ? throw new InvalidOperationException($"evil peer \"{spec.Name}\" is already running; configure it in Given steps before the first task uses it")
        : spec;

    private string Known() => _specs.IsEmpty ? "none" : string.Join(", ", _specs.Keys.Order(StringComparer.Ordinal));
}
