using ChaosFeatures.Seeds;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Connect;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>
/// The connect-phase toxics of one proxy, as a snapshot that each new connection walks before its
/// upstream is dialed. Each toxic carries a token cancelled when it leaves, so a connection waiting
/// on it (delay, hang) goes on at once; a change never waits for a connection.
/// </summary>
internal sealed class ConnectPhase(ToxicProxyOptions options, ProxyEvents events)
{
    private Entry[] _entries = [];
    private TaskCompletionSource _noHang = Completed();

    /// <summary>A <see cref="ConnectRefuseOptions"/> is present: the listener must not listen.</summary>
    public bool Refusing => Volatile.Read(ref _entries).Any(e => e.Options is ConnectRefuseOptions);

    /// <summary>Called under the proxy's toxic lock with every toxic of the proxy.</summary>
    public void Publish(IReadOnlyList<ToxicOptions> toxics)
    {
        Entry[] old = _entries;
        Entry[] next = [.. toxics.OfType<ConnectToxicOptions>()
            .Select(o => Array.Find(old, e => ReferenceEquals(e.Options, o)) ?? new Entry(o, new CancellationTokenSource()))];
        Volatile.Write(ref _entries, next);
        foreach (Entry left in old.Where(e => !next.Contains(e))) left.Left.Cancel();

        bool hang = next.Any(e => e.Options is ConnectHangOptions);
        if (hang && _noHang.Task.IsCompleted) _noHang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        else if (!hang) _noHang.TrySetResult();
    }

    /// <summary>Completes when no <see cref="ConnectHangOptions"/> is present (the accept loop waits on it).</summary>
    public Task UntilAcceptingAsync(CancellationToken stop)
    {
        Task noHang = Volatile.Read(ref _noHang).Task;
        return noHang.IsCompleted ? Task.CompletedTask : noHang.WaitAsync(stop);
    }

    /// <summary>Runs the connect phase for one accepted connection; false when it closed the connection (or it closed meanwhile).</summary>
    public async ValueTask<bool> PassAsync(ProxyConnection connection)
    {
        foreach (Entry entry in Volatile.Read(ref _entries))
        {
            using var waitEnds = CancellationTokenSource.CreateLinkedTokenSource(entry.Left.Token, connection.Closed);
            switch (entry.Options)
            {
                case ConnectHangOptions:
                    // Accepted while the accept loop was already waiting in accept: held as if never accepted.
                    await WaitAsync(Timeout.InfiniteTimeSpan, waitEnds.Token).ConfigureAwait(false);
                    break;
                case ConnectDelayOptions delay when Draw(entry, connection.Id):
                    await WaitAsync(TimeSpan.FromMilliseconds(delay.Delay), waitEnds.Token).ConfigureAwait(false);
                    break;
                case ConnectCloseOptions close when Draw(entry, connection.Id):
                    connection.Close(close.Close, $"{close.ResolvedName}: closed at accept");
                    return false;
            }
            if (connection.Closed.IsCancellationRequested) return false;
        }
        return true;
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken ends)
    {
        try
        {
            await Task.Delay(delay, options.TimeProvider, ends).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The toxic left or the connection closed: the caller looks at which.
        }
    }

    /// <summary>Toxicity is drawn once per connection, from the proxy seed, so a seed replays the same decisions.</summary>
    private bool Draw(Entry entry, long connectionId)
    {
        ToxicOptions toxic = entry.Options;
        var random = new SplitMix64(ChainIdentity.For(options.Seed, connectionId, toxic.Stream, toxic.ResolvedName, "toxicity"));
        double draw = random.NextDouble();
        bool active = draw < toxic.Toxicity;
        if (events.On)
            events.Emit(PeerEventNames.Toxic, connectionId,
            [
                new("toxic", toxic.ResolvedName), new("type", toxic.Type), new("stream", ToxicOptions.StreamName(toxic.Stream)),
                new("draw", draw), new("toxicity", toxic.Toxicity), new("active", active),
            ]);
        return active;
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private sealed class Entry(ConnectToxicOptions options, CancellationTokenSource left)
    {
        public ConnectToxicOptions Options { get; } = options;

        public CancellationTokenSource Left { get; } = left;
    }
}
