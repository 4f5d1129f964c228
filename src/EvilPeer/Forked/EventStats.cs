using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>
/// Rebuilds a forked peer's <see cref="PeerStats"/> from its event stream, so the parent sees
/// the same counters as for an in-process peer.
/// </summary>
internal static class EventStats
{
    public static void Apply(PeerStats stats, PeerEvent e)
    {
        switch (e.Name)
        {
            case PeerEventNames.Accept: stats.OnAccepted(); break;
            case PeerEventNames.Write: stats.OnServed((int)Long(e, "bytes")); break;
            case PeerEventNames.Read: stats.OnRead((int)Long(e, "bytes")); break;
            case PeerEventNames.Fin: stats.OnFin(); break;
            case PeerEventNames.Rst: stats.OnReset(); break;
            case PeerEventNames.Error: stats.OnError(); break;
            case PeerEventNames.TlsHandshake or PeerEventNames.TlsFault or PeerEventNames.TlsFailed: stats.OnTlsEvent(e.Name); break;
            case PeerEventNames.HttpRequest:
                if (HttpRequestEvent.Parse(e) is { } request) stats.OnHttpRequest(request);
                break;
            case PeerEventNames.Done:
                if (Field(e, "read_sha256") is string sha256) stats.OnReadHash(e.ConnectionId, sha256);
                stats.OnFinished();
                break;
        }
    }

    private static long Long(PeerEvent e, string key) => Field(e, key) is long n ? n : 0;

    private static object? Field(PeerEvent e, string key)
    {
        foreach (var (k, v) in e.Fields) if (k == key) return v;
        return null;
    }
}
