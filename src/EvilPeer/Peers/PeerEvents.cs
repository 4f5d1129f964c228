using System.Net;
using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>
/// Builds peer events. Every method returns before allocating anything when nobody listens,
/// so an unobserved peer pays one null check per event.
/// </summary>
internal sealed class PeerEvents(string actor, IPeerEventSink? sink) : ConnectionEvents(actor, sink)
{
    public void Listen(EndPoint endPoint, PeerMode mode, string acceptFault)
    {
        if (!Observed) return;
        Emit(PeerEventNames.Listen, 0, [new("endpoint", endPoint.ToString()), new("mode", PeerModes.Name(mode)), new("accept_fault", acceptFault)]);
    }

    public void Accept(long conn, EndPoint? remote)
    {
        if (!Observed) return;
        Emit(PeerEventNames.Accept, conn, [new("remote", remote?.ToString())]);
    }

    public void Close(long conn, string reason, int unread)
    {
        if (!Observed) return;
        Emit(PeerEventNames.Close, conn, [new("reason", reason), new("unread", (long)unread)]);
    }

    /// <summary>The behaviour's script is over (FIN or RST sent, or failed); carries the consume hash.</summary>
    public void Done(long conn, string? readSha256)
    {
        if (!Observed) return;
        Emit(PeerEventNames.Done, conn, readSha256 is null ? [] : [new("read_sha256", readSha256)]);
    }

    /// <summary>An emitter of connection <paramref name="conn"/>'s events for a layer below the behaviour (TLS); null when nobody listens.</summary>
    public Action<string, KeyValuePair<string, object?>[]>? For(long conn) =>
        !Observed ? null : (name, fields) => Emit(name, conn, fields);

}
