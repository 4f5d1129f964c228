using System.Net;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Proxy;

namespace ChaosFeatures.Harness.Peers;

/// <summary>A started peer (an evil peer in process or forked, or a real server) and, when fronted, its proxy. Disposal stops the proxy first, then the peer.</summary>
public sealed class RunningPeer : IAsyncDisposable
{
    private readonly IPeer _peer;

    private RunningPeer(PeerSpec spec, IPeer peer, ToxicProxy? proxy) => (Spec, _peer, Proxy) = (spec, peer, proxy);

    public PeerSpec Spec { get; }
    public IPEndPoint PeerEndPoint => _peer.EndPoint;

    /// <summary>Live counters (see <see cref="IPeer.Stats"/>); null for a real server, which keeps none.</summary>
    public PeerStats? Stats => _peer.Stats;

    public ToxicProxy? Proxy { get; }

    /// <summary>Where clients connect: the proxy when the peer is fronted, else the peer itself.</summary>
    public IPEndPoint ClientEndPoint => Proxy?.ListenEndpoint ?? PeerEndPoint;

    public static async Task<RunningPeer> StartAsync(PeerSpec spec, IPeerEventSink events, ulong proxySeed, CancellationToken cancellationToken)
    {
        IPeer peer = spec is RealServerSpec server
            ? await server.Kind.StartAsync(cancellationToken)
            : await StartEvilPeerAsync((EvilPeerSpec)spec, events, cancellationToken);
        if (spec.Proxy is not { } proxySpec) return new RunningPeer(spec, peer, null);
        try
        {
            var proxy = new ToxicProxy(new ToxicProxyOptions
            {
                Name = proxySpec.Name, Upstream = peer.EndPoint.ToString(), Seed = proxySeed, Events = events,
                Tls = proxySpec.Tls?.ToOptions(),
            });
            foreach (var toxic in proxySpec.Toxics()) proxy.AddToxic(toxic);
            await proxy.StartAsync(cancellationToken);
            return new RunningPeer(spec, peer, proxy);
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null) await Proxy.DisposeAsync();
        await _peer.DisposeAsync();
    }

    private static async Task<IPeer> StartEvilPeerAsync(EvilPeerSpec spec, IPeerEventSink events, CancellationToken cancellationToken) => spec.Forked
        ? await ForkedPeer.StartAsync(spec.ToOptions(), events, cancellationToken: cancellationToken)
        : await PeerHost.StartAsync(spec.ToOptions(), events, cancellationToken: cancellationToken);
}
