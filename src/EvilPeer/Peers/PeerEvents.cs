using System.Diagnostics;
using System.Net;
using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>
/// Builds peer events. Every method returns before allocating anything when nobody listens,
/// so an unobserved peer pays one null check per event.
/// </summary>
internal sealed class PeerEvents(string actor, IPeerEventSink? sink)
{
    public void Listen(EndPoint endPoint, PeerMode mode, string acceptFault)
    {
        if (sink is null) return;
        Emit(PeerEventNames.Listen, 0, [new("endpoint", endPoint.ToString()), new("mode", PeerModes.Name(mode)), new("accept_fault", acceptFault)]);
    }

    public void Accept(long conn, EndPoint? remote)
    {
        if (sink is null) return;
        Emit(PeerEventNames.Accept, conn, [new("remote", remote?.ToString())]);
    }

    public void Write(long conn, int bytes) { if (sink is not null) Emit(PeerEventNames.Write, conn, [new("bytes", (long)bytes)]); }

    public void Read(long conn, int bytes) { if (sink is not null) Emit(PeerEventNames.Read, conn, [new("bytes", (long)bytes)]); }

    public void Delay(long conn, int ms, string phase)
    {
        if (sink is null) return;
        Emit(PeerEventNames.Delay, conn, [new("ms", (long)ms), new("phase", phase)]);
    }

    public void Hold(long conn, int ms) { if (sink is not null) Emit(PeerEventNames.Hold, conn, [new("ms", (long)ms)]); }

    public void Fin(long conn) { if (sink is not null) Emit(PeerEventNames.Fin, conn, []); }

    public void Rst(long conn) { if (sink is not null) Emit(PeerEventNames.Rst, conn, []); }

    public void Close(long conn, string reason, int unread)
    {
        if (sink is null) return;
        Emit(PeerEventNames.Close, conn, [new("reason", reason), new("unread", (long)unread)]);
    }

    /// <summary>The behaviour's script is over (FIN or RST sent, or failed); carries the consume hash.</summary>
    public void Done(long conn, string? readSha256)
    {
        if (sink is null) return;
        Emit(PeerEventNames.Done, conn, readSha256 is null ? [] : [new("read_sha256", readSha256)]);
    }

    public void Error(long conn, string message) { if (sink is not null) Emit(PeerEventNames.Error, conn, [new("message", message)]); }

    /// <summary>An emitter of connection <paramref name="conn"/>'s events for a layer below the behaviour (TLS); null when nobody listens.</summary>
    public Action<string, KeyValuePair<string, object?>[]>? For(long conn) =>
        sink is null ? null : (name, fields) => Emit(name, conn, fields);

    private void Emit(string name, long conn, KeyValuePair<string, object?>[] fields) =>
        sink!.Emit(new PeerEvent(Stopwatch.GetTimestamp(), actor, name, conn, fields));
}
