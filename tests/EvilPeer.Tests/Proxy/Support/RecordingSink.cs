using System.Collections.Concurrent;
using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.Tests.Proxy.Support;

public sealed class RecordingSink : IPeerEventSink
{
    private readonly ConcurrentQueue<PeerEvent> _events = new();

    public IReadOnlyList<PeerEvent> Events => [.. _events];

    public void Emit(PeerEvent peerEvent) => _events.Enqueue(peerEvent);

    public IReadOnlyList<PeerEvent> Named(string name) => Events.Where(e => e.Name == name).ToArray();

    public static object? Field(PeerEvent e, string key) => e.Fields.FirstOrDefault(f => f.Key == key).Value;
}
