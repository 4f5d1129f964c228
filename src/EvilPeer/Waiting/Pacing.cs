namespace ChaosFeatures.EvilPeer.Waiting;

/// <summary>
/// The pacers' one rule (the HTTP peer's body, the slowloris client's trickle): pace against the start, so timer
/// jitter does not slow the rate, but make up a late wake-up by one piece at most. After a stall (a loaded machine,
/// a GC) the stream goes on at its rate instead of sending what it owes at once.
/// </summary>
internal static class Pacing
{
    /// <summary>
    /// How long to wait for what is due <paramref name="dueAfterStart"/> after <paramref name="start"/> (a timestamp);
    /// zero or less means now. When that is late by more than <paramref name="piece"/> (one piece's time at the
    /// rate), <paramref name="start"/> moves on so that it is late by exactly one piece.
    /// </summary>
    public static TimeSpan WaitFor(TimeSpan dueAfterStart, ref long start, TimeSpan piece, TimeProvider time)
    {
        TimeSpan wait = dueAfterStart - time.GetElapsedTime(start);
        if (-wait <= piece) return wait;
        start += (long)((-wait - piece).TotalSeconds * time.TimestampFrequency);
        return -piece;
    }
}
