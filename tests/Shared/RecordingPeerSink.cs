using System.Collections.Concurrent;
using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.Tests.Shared;

/// <summary>Keeps every event a peer, proxy or evil client emits, for a test to read. Shared as source by the test projects that run them.</summary>
internal sealed class RecordingPeerSink : IPeerEventSink
{
    private readonly ConcurrentQueue<PeerEvent> _events = new();

    public IReadOnlyList<PeerEvent> Events => [.. _events];

    public void Emit(PeerEvent peerEvent) => _events.Enqueue(peerEvent);

    public IReadOnlyList<PeerEvent> Named(string name) => Events.Where(e => e.Name == name).ToArray();

    /// <summary>The names of one connection's events, in order.</summary>
    public IEnumerable<string> Names(long connectionId) =>
        Events.Where(e => e.ConnectionId == connectionId).Select(e => e.Name);

    /// <summary>Polls until <paramref name="condition"/> holds or the bound passes (then the caller's assertion says what is missing).</summary>
    public async Task WaitForAsync(Func<bool> condition, TimeSpan bound)
    {
        var deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(bound.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (!condition() && System.Diagnostics.Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(5);
    }

    public static object? Field(PeerEvent e, string key) => e.Fields.FirstOrDefault(f => f.Key == key).Value;
}
