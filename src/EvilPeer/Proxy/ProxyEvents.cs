using System.Diagnostics;
using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>Stamps and forwards proxy events. Callers test <see cref="On"/> before building fields, so no sink costs nothing.</summary>
internal sealed class ProxyEvents(string actor, IPeerEventSink? sink, bool byteEvents = true)
{
    public IPeerEventSink? Sink => sink;

    public bool On => sink is not null;

    /// <summary>Per-chunk <c>read</c>/<c>write</c> events: the only ones whose number grows with the traffic.</summary>
    public bool BytesOn => byteEvents && sink is not null;

    public void Emit(string name, long connectionId, KeyValuePair<string, object?>[] fields)
    {
        if (sink is null) return;
        try
        {
            sink.Emit(new PeerEvent(Stopwatch.GetTimestamp(), actor, name, connectionId, fields));
        }
        catch (Exception)
        {
            // A broken observer must not break the connection it observes (Serilog's rule).
        }
    }
}
