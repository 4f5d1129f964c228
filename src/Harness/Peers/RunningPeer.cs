using System.Net;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.Harness.Servers;

namespace ChaosFeatures.Harness.Peers;

/// <summary>A started peer (in-process, forked or a real server) and, when fronted, its proxy. Disposal stops the proxy first, then the peer.</summary>
public sealed class RunningPeer : IAsyncDisposable
{
    private readonly IAsyncDisposable _peer;

    private RunningPeer(PeerSpec spec, IAsyncDisposable peer, IPEndPoint endPoint, PeerStats stats, ToxicProxy? proxy)
    {
        (Spec, _peer, PeerEndPoint, Stats, Proxy) = (spec, peer, endPoint, stats, proxy);
    }

    public PeerSpec Spec { get; }
    public IPEndPoint PeerEndPoint { get; }
    /// <summary>Live counters; a forked peer's are rebuilt from its events, so they trail the child by a little. A real server keeps none (all zero).</summary>
    public PeerStats Stats { get; }
    public ToxicProxy? Proxy { get; }

    /// <summary>Where clients connect: the proxy when the peer is fronted, else the peer itself.</summary>
    public IPEndPoint ClientEndPoint => Proxy?.ListenEndpoint ?? PeerEndPoint;

    public static async Task<RunningPeer> StartAsync(PeerSpec spec, IPeerEventSink events, ulong proxySeed, CancellationToken cancellationToken)
    {
        RunningPeer running;
        if (spec is RealServerSpec { Kind.Launch: { } launch })
        {
            var (server, endPoint) = await launch(cancellationToken);
            running = new RunningPeer(spec, server, endPoint, new PeerStats(), null);
        }
        else if (spec is RealServerSpec { Kind: var kind })
        {
            var server = await RealServer.StartAsync(kind, cancellationToken);
            running = new RunningPeer(spec, server, server.EndPoint, new PeerStats(), null);
        }
        else if (spec is EvilPeerSpec { Forked: true } forkedSpec)
        {
            var forked = await ForkedPeer.StartAsync(forkedSpec.ToOptions(), events, cancellationToken: cancellationToken);
            running = new RunningPeer(spec, forked, forked.EndPoint, forked.Stats, null);
        }
        else
        {
            var peer = await PeerHost.StartAsync(((EvilPeerSpec)spec).ToOptions(), events, cancellationToken: cancellationToken);
            running = new RunningPeer(spec, peer, peer.EndPoint, peer.Stats, null);
        }
        if (spec.Proxy is not { } proxySpec) return running;
        try
        {
            var proxy = new ToxicProxy(new ToxicProxyOptions
            {
                Name = proxySpec.Name, Upstream = running.PeerEndPoint.ToString(), Seed = proxySeed, Events = events,
                Tls = proxySpec.Tls?.ToOptions(),
            });
            foreach (var toxic in proxySpec.Toxics()) proxy.AddToxic(toxic);
            await proxy.StartAsync(cancellationToken);
            return new RunningPeer(spec, running._peer, running.PeerEndPoint, running.Stats, proxy);
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null) await Proxy.DisposeAsync();
        await _peer.DisposeAsync();
    }
}
