namespace ChaosFeatures.EvilPeer.EvilClients;

/// <summary>
/// Live counters of a running evil client; safe to read from any thread at any time. A forked
/// client's are rebuilt from its events, so they trail the child by a little.
/// </summary>
public sealed class EvilClientStats
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _attempts, _connected, _refused, _connectTimeouts, _connectErrors;
    private long _sent, _received, _serverClosed, _serverResets, _closedByClient;
    private int _finished, _waiters;

    public long ConnectAttempts => Interlocked.Read(ref _attempts);
    public long Connected => Interlocked.Read(ref _connected);
    public long Refused => Interlocked.Read(ref _refused);
    public long ConnectTimeouts => Interlocked.Read(ref _connectTimeouts);
    public long ConnectErrors => Interlocked.Read(ref _connectErrors);
    public long BytesSent => Interlocked.Read(ref _sent);
    public long BytesReceived => Interlocked.Read(ref _received);

    /// <summary>Connections the server closed with FIN.</summary>
    public long ServerClosed => Interlocked.Read(ref _serverClosed);

    /// <summary>Connections the server reset.</summary>
    public long ServerResets => Interlocked.Read(ref _serverResets);

    public long ClosedByClient => Interlocked.Read(ref _closedByClient);

    /// <summary>Connected and not ended yet: what the server is holding for us right now.</summary>
    public long Open => Connected - ServerClosed - ServerResets - ClosedByClient;

    /// <summary>True once the whole run (every connection) is over.</summary>
    public bool Finished => Volatile.Read(ref _finished) == 1;

    public override string ToString() =>
        $"attempts={ConnectAttempts} connected={Connected} open={Open} refused={Refused} connect_timeouts={ConnectTimeouts} " +
        $"connect_errors={ConnectErrors} sent={BytesSent} received={BytesReceived} server_fin={ServerClosed} " +
        $"server_rst={ServerResets} closed_by_client={ClosedByClient}";

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, e.g. <c>s => s.Open >= 100</c> to know a flood is in place.
    /// </summary>
    /// <exception cref="TimeoutException">Not within <paramref name="timeout"/>, or the run ended without it; the message carries the stats.</exception>
    public async Task WaitUntilAsync(Func<EvilClientStats, bool> condition, string what, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                _waiters++;
                changed = _changed.Task;
            }
            try
            {
                if (condition(this)) return;
                if (Finished) throw new TimeoutException($"evil client ended before {what} ({this})");
                await changed.WaitAsync(bound.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"not {what} within {timeout.TotalMilliseconds:0} ms ({this})");
            }
            finally
            {
                lock (_gate) _waiters--;
            }
        }
    }

    internal void OnAttempt() => Bump(ref _attempts, 1);
    internal void OnConnected() => Bump(ref _connected, 1);
    internal void OnSent(long bytes) => Bump(ref _sent, bytes);
    internal void OnReceived(long bytes) => Bump(ref _received, bytes);

    internal void OnEnd(ConnectionEnd end)
    {
        switch (end)
        {
            case ConnectionEnd.Refused: Bump(ref _refused, 1); break;
            case ConnectionEnd.ConnectTimeout: Bump(ref _connectTimeouts, 1); break;
            case ConnectionEnd.ConnectError: Bump(ref _connectErrors, 1); break;
            case ConnectionEnd.ServerClosed: Bump(ref _serverClosed, 1); break;
            case ConnectionEnd.ServerReset: Bump(ref _serverResets, 1); break;
            case ConnectionEnd.ClosedByClient: Bump(ref _closedByClient, 1); break;
        }
    }

    internal void OnFinished()
    {
        Volatile.Write(ref _finished, 1);
        Signal();
    }

    private void Bump(ref long counter, long by)
    {
        Interlocked.Add(ref counter, by);
        Signal();
    }

    // Bytes move often and waiters are rare (a step waiting for a flood to be in place), so a
    // change costs one volatile read unless someone waits.
    private void Signal()
    {
        if (Volatile.Read(ref _waiters) == 0) return;
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _changed;
            _changed = NewSignal();
        }
        fired.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
