using System.Collections.Concurrent;
using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.Tests.Peers;

internal sealed class RecordingSink : IPeerEventSink
{
    private readonly ConcurrentQueue<PeerEvent> _events = new();

    public IReadOnlyList<PeerEvent> Events => _events.ToArray();

    public void Emit(PeerEvent peerEvent) => _events.Enqueue(peerEvent);

    public IEnumerable<string> Names(long connectionId) =>
        Events.Where(e => e.ConnectionId == connectionId).Select(e => e.Name);
}
