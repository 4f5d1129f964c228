using System.Collections.Concurrent;
using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Tests.Support;

internal sealed class RecordingSink : IChaosEventSink
{
    public ConcurrentQueue<ChaosEvent> Events { get; } = new();

    public void Record(ChaosEvent chaosEvent) => Events.Enqueue(chaosEvent);
    public void RecordDecision(ChaosEvent chaosEvent) => Events.Enqueue(chaosEvent);

    public ChaosEvent[] Named(string name) => Events.Where(e => e.Name == name).ToArray();
}
