using System.Net;
using ChaosFeatures.EvilPeer.Peers;

namespace ChaosFeatures.Harness.Servers;

/// <summary>The user's own server (<see cref="RealServerKind.Own"/>) as a peer: where it listens, no counters, its own disposal.</summary>
internal sealed class OwnServer(IAsyncDisposable server, IPEndPoint endPoint) : IPeer
{
    public IPEndPoint EndPoint => endPoint;

    public PeerStats? Stats => null;

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
