namespace ChaosFeatures.EvilPeer.EvilClients;

/// <summary>What every lane of one evil-client run shares: options, clock, counters, events, the stop signal and the results.</summary>
internal sealed class ClientRun(EvilClientOptions options, ClientEvents events, EvilClientStats stats, TimeProvider time, CancellationToken stopping)
{
    /// <summary>Per-connection results kept for the report; a long churn run keeps the first ones (its counters have all).</summary>
    public const int MaxKeptResults = 10_000;

    private readonly List<ConnectionResult> _results = [];
    private long _nextId;
    private long _errors;

    public EvilClientOptions Options => options;
    public ClientEvents Events => events;
    public EvilClientStats Stats => stats;
    public TimeProvider Time => time;

    /// <summary>Cancelled when the client is stopped or its time bound runs out.</summary>
    public CancellationToken Stopping => stopping;

    public long Errors => Interlocked.Read(ref _errors);

    public long NextId() => Interlocked.Increment(ref _nextId);

    public Task<ClientConnection?> ConnectAsync() => ClientConnection.OpenAsync(this);

    /// <summary>A pause between connections (churn), on the injected clock.</summary>
    public async Task PauseAsync(int ms)
    {
        if (ms > 0) await Task.Delay(TimeSpan.FromMilliseconds(ms), time, stopping);
    }

    public void Record(ConnectionResult result)
    {
        events.Close(result);
        lock (_results) if (_results.Count < MaxKeptResults) _results.Add(result);
    }

    public void OnError(string message)
    {
        Interlocked.Increment(ref _errors);
        events.Error(0, message);
    }

    public IReadOnlyList<ConnectionResult> Results()
    {
        lock (_results) return [.. _results.OrderBy(r => r.Id)];
    }
}
