using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ChaosFeatures.Tests.Shared;

/// <summary>
/// Virtual time that tells when a timer with a given due time is created: a pacer gone to sleep. Advance the clock
/// only after that, or the jump falls before the wait it was meant to stretch.
/// </summary>
internal sealed class TimerWatchingTime : FakeTimeProvider
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<TimeSpan, SemaphoreSlim> _created = new();

    /// <summary>Waits, bounded, for the next not yet awaited timer created with <paramref name="due"/>.</summary>
    public async Task NextTimerAsync(TimeSpan due)
    {
        if (!await Created(due).WaitAsync(Bound))
            throw new TimeoutException($"no timer due after {due.TotalMilliseconds} ms was started within {Bound.TotalSeconds} s");
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        Created(dueTime).Release();
        return timer;
    }

    private SemaphoreSlim Created(TimeSpan due) => _created.GetOrAdd(due, _ => new SemaphoreSlim(0));
}
