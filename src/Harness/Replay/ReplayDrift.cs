using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Replay;

/// <summary>
/// Compares a replay's decision-log hash with the one its failure recorded. On a difference it records
/// a <c>replay_drift</c> event (kind <c>replay</c>) and returns the line for the failure message, so a
/// frozen scenario that no longer makes the original's decisions says so instead of silently testing
/// something else.
/// </summary>
public static class ReplayDrift
{
    public const string MessagePrefix = "Replay drift: ";

    /// <returns>Null when there is nothing to compare or the hashes match; else the drift line.</returns>
    public static string? Check(IEnumerable<string> tags, string actualHash, IChaosEventSink sink)
    {
        var expected = ReplayTags.ExpectedDecisionHash(tags);
        if (expected is null || string.Equals(expected, actualHash, StringComparison.Ordinal))
            return null;
        sink.Record(ChaosEvent.Of(ChaosEventKinds.Replay, "harness", ChaosEventNames.ReplayDrift, ("expected", expected), ("actual", actualHash)));
        return $"{MessagePrefix}decision log hash {actualHash} differs from the frozen failure's {expected}";
    }
}
