using ChaosFeatures.Seeds;

namespace ChaosFeatures.EvilPeer.Toxics.Chain;

/// <summary>
/// A toxic's view of the direction it sits on: time, its own seeded randomness, whether it is
/// still attached and active, and a way to end the connection.
/// </summary>
internal sealed class ToxicContext : IDisposable
{
    private readonly CancellationTokenSource _detached;
    private readonly IToxicHost _host;

    public ToxicContext(string name, long bytesBeforeAttach, TimeProvider time, SplitMix64 random, IToxicHost host, CancellationToken connectionClosed)
    {
        Name = name;
        BytesBeforeAttach = bytesBeforeAttach;
        Time = time;
        Random = random;
        _host = host;
        _detached = CancellationTokenSource.CreateLinkedTokenSource(connectionClosed);
        Detached = _detached.Token; // kept: a toxic still finishing its chunk reads it after Dispose
    }

    public string Name { get; }

    /// <summary>Bytes this direction had read before the toxic joined (non-zero when added mid-connection).</summary>
    public long BytesBeforeAttach { get; }

    public TimeProvider Time { get; }

    /// <summary>For the toxic's effect (jitter, slice sizes, corrupted bits); separate from the toxicity draw.</summary>
    public SplitMix64 Random { get; }

    /// <summary>Set by the stage on each toxicity draw; timer-driven toxics check it when they fire.</summary>
    public bool IsActive { get; internal set; }

    /// <summary>Cancelled when the toxic is removed or the connection ends: waits stop, held chunks move on.</summary>
    public CancellationToken Detached { get; }

    public long Now => Time.GetTimestamp();

    public long After(long timestamp, double milliseconds) =>
        timestamp + (long)(milliseconds * Time.TimestampFrequency / 1000.0);

    /// <summary>Waits until <paramref name="timestamp"/>; false if detached first (the caller then passes data on unchanged).</summary>
    public async ValueTask<bool> DelayUntilAsync(long timestamp)
    {
        TimeSpan remaining = Time.GetElapsedTime(Now, timestamp);
        if (remaining <= TimeSpan.Zero) return !Detached.IsCancellationRequested;
        try
        {
            await Task.Delay(remaining, Time, Detached).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until the toxic is removed or replaced, or the connection ends.</summary>
    public async ValueTask WaitUntilDetachedAsync()
    {
        try
        {
            await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, Time, Detached).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Detached: the caller passes its data on.
        }
    }

    public ITimer StartTimer(double milliseconds, Action fire) =>
        Time.CreateTimer(_ => fire(), null, TimeSpan.FromMilliseconds(milliseconds), System.Threading.Timeout.InfiniteTimeSpan);

    /// <summary>Ends the connection now if this toxic is still attached and active.</summary>
    public void CloseConnection(CloseMode mode, string reason)
    {
        if (IsActive && !Detached.IsCancellationRequested) _host.CloseConnection(mode, $"{Name}: {reason}");
    }

    public bool EventsOn => _host.Events is not null;

    public bool ChunkEventsOn => _host.ChunkEventsOn;

    public void Emit(string name, KeyValuePair<string, object?>[] fields) => _host.Emit(name, fields);

    internal void Detach() => _detached.Cancel();

    public void Dispose() => _detached.Dispose();
}
