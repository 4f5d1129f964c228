namespace ChaosFeatures.EvilPeer.Waiting;

/// <summary>
/// The one poll of the suite: re-checks a condition until it holds or a bound runs out on the given clock. For what has
/// no event to await (a forked peer's stats arriving as events, /proc settling after a close, a port starting to listen).
/// Here, the lowest assembly with a poll, so the peer, the harness and the steps share it.
/// </summary>
public static class Eventually
{
    /// <summary>The default pause between checks: short, since what is polled usually settles within milliseconds.</summary>
    public static readonly TimeSpan DefaultPollEvery = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Whether <paramref name="condition"/> held within <paramref name="bound"/>. It is checked at once, then after
    /// every pause (<paramref name="pollEvery"/>, doubling up to <paramref name="backOffTo"/> when given, never past the
    /// bound) and a last time when the bound is reached, so a condition that holds by then is never reported false.
    /// Cancellation throws <see cref="OperationCanceledException"/>: a cancelled wait is not a verdict.
    /// </summary>
    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan bound, TimeProvider time,
        CancellationToken cancellationToken, TimeSpan? pollEvery = null, TimeSpan? backOffTo = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return PollAsync(_ => ValueTask.FromResult(condition()), bound, time, cancellationToken, pollEvery, backOffTo, cutAtBound: false);
    }

    /// <summary>
    /// The same for a condition that does I/O to find out (a connect probe). Its token is cancelled at the bound too, so a
    /// probe that hangs cannot stretch the wait: cut off by the bound, it counts as not held.
    /// </summary>
    public static Task<bool> UntilAsync(Func<CancellationToken, ValueTask<bool>> condition, TimeSpan bound, TimeProvider time,
        CancellationToken cancellationToken, TimeSpan? pollEvery = null, TimeSpan? backOffTo = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return PollAsync(condition, bound, time, cancellationToken, pollEvery, backOffTo, cutAtBound: true);
    }

    private static async Task<bool> PollAsync(Func<CancellationToken, ValueTask<bool>> condition, TimeSpan bound, TimeProvider time,
        CancellationToken cancellationToken, TimeSpan? pollEvery, TimeSpan? backOffTo, bool cutAtBound)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, TimeSpan.Zero);
        var pause = pollEvery ?? DefaultPollEvery;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pause, TimeSpan.Zero, nameof(pollEvery));
        var longest = backOffTo ?? pause;
        ArgumentOutOfRangeException.ThrowIfLessThan(longest, pause, nameof(backOffTo));

        long started = time.GetTimestamp();
        // Only a probe that can hang needs a timer of its own; a plain check costs no timer beyond the pauses.
        using var boundReached = cutAtBound ? new CancellationTokenSource(bound, time) : null;
        using var probe = boundReached is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, boundReached.Token);
        CancellationToken probeToken = probe?.Token ?? cancellationToken;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await condition(probeToken).ConfigureAwait(false)) return true;
            }
            catch (OperationCanceledException) when (boundReached?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            var left = bound - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero) return false;
            // The pause observes only the caller's token: it ends at the bound by its length, and the last check follows.
            await Task.Delay(pause < left ? pause : left, time, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < longest ? pause * 2 : longest;
        }
    }
}
