using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.EvilClients;

/// <summary>
/// A running evil client, from <see cref="Start"/>: <see cref="EvilClientOptions.Connections"/>
/// lanes of its behaviour against the target, at once, every one bounded by the run's time bound.
/// Disposal (or <see cref="StopAsync"/>) cancels the run, closes every open connection and waits
/// for every lane, so nothing is left behind however a test ends.
/// </summary>
public sealed class EvilClient : IEvilClient
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ClientEvents _events;
    private readonly TimeProvider _time;
    private int _disposed;

    private EvilClient(EvilClientOptions options, IPeerEventSink? sink, TimeProvider time)
    {
        Options = options;
        _time = time;
        _events = new ClientEvents(options.Name, sink);
        Completion = RunAsync();
    }

    public string Name => Options.Name;
    public EvilClientOptions Options { get; }
    public EvilClientStats Stats { get; } = new();

    /// <summary>Completes with the report once every lane is over (behaviour done, time bound reached, or stopped). Never faults.</summary>
    public Task<EvilClientReport> Completion { get; }

    /// <summary>Starts attacking at once; options were validated when they were built. Delays and bounds run on <paramref name="time"/>.</summary>
    public static EvilClient Start(EvilClientOptions options, IPeerEventSink? sink = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EvilClient(options, sink, time ?? TimeProvider.System);
    }

    /// <summary>The report once the run is over.</summary>
    /// <exception cref="TimeoutException">Not over within <paramref name="timeout"/>; the message carries the stats. The client keeps running.</exception>
    public async Task<EvilClientReport> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Completion.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"evil client {Name} did not finish within {timeout.TotalMilliseconds:0} ms ({Stats})");
        }
    }

    /// <summary>Stops the run now (connections still open are closed by us) and returns its report.</summary>
    public async Task<EvilClientReport> StopAsync()
    {
        if (!_stopping.IsCancellationRequested) _stopping.Cancel();
        return await Completion;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await StopAsync();
        _stopping.Dispose();
    }

    private async Task<EvilClientReport> RunAsync()
    {
        await Task.Yield(); // Start returns before the first connect
        long started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(Options.MaxDurationMs), _time);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, deadline.Token);
        var run = new ClientRun(Options, _events, Stats, _time, stopping.Token);
        _events.Start(Options.Target.ToString(), Options.Behaviour.Mode, Options.Connections, Options.Seed);
        var lanes = new Task[Options.Connections];
        for (int i = 0; i < lanes.Length; i++) lanes[i] = RunLaneAsync(run);
        await Task.WhenAll(lanes);
        TimeSpan elapsed = _time.GetElapsedTime(started);
        bool deadlineReached = deadline.IsCancellationRequested && !_stopping.IsCancellationRequested;
        _events.Finished(elapsed, deadlineReached, _stopping.IsCancellationRequested, run.Errors);
        Stats.OnFinished();
        return new EvilClientReport(Name, Options.Behaviour.Mode, elapsed, deadlineReached, _stopping.IsCancellationRequested,
            run.Errors, run.Results(), Stats);
    }

    private static async Task RunLaneAsync(ClientRun run)
    {
        await Task.Yield(); // lanes run on the pool, not one after another on the starting thread
        try
        {
            await run.Options.Behaviour.RunLaneAsync(run);
        }
        catch (OperationCanceledException) when (run.Stopping.IsCancellationRequested) { }
        catch (Exception e)
        {
            run.OnError($"{run.Options.Behaviour.Mode}: {e.GetType().Name}: {e.Message}");
        }
    }
}
