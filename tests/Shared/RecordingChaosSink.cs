using System.Collections.Concurrent;
using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Tests.Shared;

/// <summary>Keeps every event and decision the harness records, in order, for a test to read. Shared as source by the test projects that use the harness.</summary>
internal sealed class RecordingChaosSink : IChaosEventSink
{
    public ConcurrentQueue<ChaosEvent> Events { get; } = new();

    public void Record(ChaosEvent chaosEvent) => Events.Enqueue(chaosEvent);
    public void RecordDecision(ChaosEvent chaosEvent) => Events.Enqueue(chaosEvent);

    public ChaosEvent[] Named(string name) => Events.Where(e => e.Name == name).ToArray();
}
