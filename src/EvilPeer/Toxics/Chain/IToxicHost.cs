using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.Toxics.Chain;

/// <summary>What a toxic may ask of the connection it sits on.</summary>
internal interface IToxicHost
{
    /// <summary>Ends the whole connection now (out of band: queued data is discarded). Idempotent.</summary>
    void CloseConnection(CloseMode mode, string reason);

    /// <summary>Null when nobody listens: callers check before building fields.</summary>
    IPeerEventSink? Events { get; }

    /// <summary>Per-chunk events (a latency toxic's delay, a timeout's drop): on only when byte events are, since their number grows with the traffic.</summary>
    bool ChunkEventsOn { get; }

    void Emit(string name, KeyValuePair<string, object?>[] fields);
}
