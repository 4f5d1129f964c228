namespace ChaosFeatures.EvilPeer.Events;

/// <summary>
/// Where a peer, proxy or toxic reports what it did. One method, so the Harness can wire it to
/// the chaos event log and a forked host can stream it as JSON lines. Emitters check for a null
/// sink before building an event, so an unobserved peer pays nothing.
/// </summary>
public interface IPeerEventSink
{
    /// <summary>Must not throw and must not block: it is called from the peer's I/O loops.</summary>
    void Emit(PeerEvent peerEvent);
}
