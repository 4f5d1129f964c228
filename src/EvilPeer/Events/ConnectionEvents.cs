using System.Diagnostics;

namespace ChaosFeatures.EvilPeer.Events;

/// <summary>
/// The events both ends of our connections emit alike, a peer's and an evil client's (<c>write</c>, <c>read</c>,
/// <c>delay</c>, <c>hold</c>, <c>fin</c>, <c>rst</c>, <c>error</c>). Every method returns before allocating anything
/// when nobody listens, so an unobserved connection pays one null check per event.
/// </summary>
internal abstract class ConnectionEvents(string actor, IPeerEventSink? sink)
{
    public bool Observed => sink is not null;

    public void Write(long conn, int bytes) { if (Observed) Emit(PeerEventNames.Write, conn, [new("bytes", (long)bytes)]); }

    public void Read(long conn, int bytes) { if (Observed) Emit(PeerEventNames.Read, conn, [new("bytes", (long)bytes)]); }

    public void Delay(long conn, int ms, string phase)
    {
        if (!Observed) return;
        Emit(PeerEventNames.Delay, conn, [new("ms", (long)ms), new("phase", phase)]);
    }

    public void Hold(long conn, int ms) { if (Observed) Emit(PeerEventNames.Hold, conn, [new("ms", (long)ms)]); }

    /// <summary>We sent FIN (half-close or orderly close).</summary>
    public void Fin(long conn) { if (Observed) Emit(PeerEventNames.Fin, conn, []); }

    /// <summary>We closed with RST.</summary>
    public void Rst(long conn) { if (Observed) Emit(PeerEventNames.Rst, conn, []); }

    public void Error(long conn, string message) { if (Observed) Emit(PeerEventNames.Error, conn, [new("message", message)]); }

    /// <summary>Only when <see cref="Observed"/>.</summary>
    protected void Emit(string name, long conn, KeyValuePair<string, object?>[] fields) =>
        sink!.Emit(new PeerEvent(Stopwatch.GetTimestamp(), actor, name, conn, fields));
}
