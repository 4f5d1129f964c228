using System.Collections.Concurrent;
using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.Tests.Proxy.Support;

public sealed class RecordingSink : IPeerEventSink
{
    private readonly ConcurrentQueue<PeerEvent> _events = new();

    public IReadOnlyList<PeerEvent> Events => [.. _events];

    public void Emit(PeerEvent peerEvent) => _events.Enqueue(peerEvent);

    public IReadOnlyList<PeerEvent> Named(string name) => Events.Where(e => e.Name == name).ToArray();

    /// <summary>Polls until <paramref name="condition"/> holds or the bound passes (then the caller's assertion says what is missing).</summary>
    public async Task WaitForAsync(Func<bool> condition, TimeSpan bound)
    {
        var deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(bound.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (!condition() && System.Diagnostics.Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(5);
    }

    public static object? Field(PeerEvent e, string key) => e.Fields.FirstOrDefault(f => f.Key == key).Value;
}
