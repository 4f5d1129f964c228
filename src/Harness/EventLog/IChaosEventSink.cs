namespace ChaosFeatures.Harness.EventLog;

/// <summary>
/// Where clients, fault wrappers and invariants report events. <see cref="TestTimeline"/> is the
/// usual implementation; it must be cheap and thread-safe because I/O completions call it from the pool.
/// </summary>
public interface IChaosEventSink
{
    void Record(ChaosEvent chaosEvent);

    /// <summary>A decision that must replay identically (seeds, fuzz choices, toxic draws): also hashed.</summary>
    void RecordDecision(ChaosEvent chaosEvent);
}
