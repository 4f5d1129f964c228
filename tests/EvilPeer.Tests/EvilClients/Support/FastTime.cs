namespace ChaosFeatures.EvilPeer.Tests.EvilClients.Support;

/// <summary>
/// A clock running <see cref="Factor"/> times faster than the wall clock (timers and timestamps
/// alike): a client whose pauses take their 25 s on this clock in ~0.25 s of real time proves it
/// waits on the injected TimeProvider, not on the system's.
/// </summary>
internal sealed class FastTime(int factor) : TimeProvider
{
    public int Factor => factor;
    public int TimersCreated;

    public override long GetTimestamp() => System.GetTimestamp() * factor;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref TimersCreated);
        return System.CreateTimer(callback, state, Scale(dueTime), Scale(period));
    }

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / factor;
}
