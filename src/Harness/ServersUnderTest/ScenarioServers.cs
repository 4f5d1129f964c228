using System.Collections.Concurrent;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Forked;
using ChaosFeatures.Harness.Leaks;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// One scenario's servers under test and evil clients, by name, as steps start them. Disposal (the
/// after-scenario hook) ends everything, also when a step was cut by the watchdog mid-wait or
/// mid-start: starts in flight are cancelled (their process killed), clients stopped (their
/// connections closed) before servers are killed, waits still running on them end. Server ports go
/// to the scenario's <see cref="LeakChecker"/>, so a client socket left open to one is reported.
/// </summary>
public sealed class ScenarioServers(Func<IPeerEventSink?> events, LeakChecker? leaks = null, TimeProvider? time = null) : IAsyncDisposable
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, Task<ServerUnderTest>> _servers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<IEvilClient>> _clients = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _ending = new();
    private int _disposed;

    public IReadOnlyCollection<string> ServerNames => [.. _servers.Keys.Order()];
    public IReadOnlyCollection<string> ClientNames => [.. _clients.Keys.Order()];

    /// <summary>Starts a server under test named by its options (see <see cref="ServerUnderTest.StartAsync"/> for the failures).</summary>
    public Task<ServerUnderTest> StartServerAsync(ServerUnderTestOptions options, CancellationToken cancellationToken = default)
    {
        ThrowIfEnded();
        Task<ServerUnderTest>? started = null;
        Task<ServerUnderTest> task = _servers.GetOrAdd(options.Name, _ => started = StartAsync(options, cancellationToken));
        if (started is null) throw new InvalidOperationException($"a server under test \"{options.Name}\" is already started in this scenario; use another name");
        return task;
    }

    /// <summary>The started server <paramref name="name"/>.</summary>
    public Task<ServerUnderTest> ServerAsync(string name) => _servers.TryGetValue(name, out var server)
        ? server
        : throw new InvalidOperationException($"no server under test \"{name}\" yet; known: {Known(_servers.Keys)}");

    /// <summary>Starts an evil client, in process or forked (its own process: its descriptors are not ours, and it can be killed).</summary>
    public Task<IEvilClient> StartClientAsync(EvilClientOptions options, bool forked = false, CancellationToken cancellationToken = default)
    {
        ThrowIfEnded();
        Task<IEvilClient>? started = null;
        Task<IEvilClient> task = _clients.GetOrAdd(options.Name, _ => started = forked
            ? StartForkedAsync(options, cancellationToken)
            : Task.FromResult<IEvilClient>(EvilClient.Start(options, events(), time)));
        if (started is null) throw new InvalidOperationException($"an evil client \"{options.Name}\" is already started in this scenario; use another name");
        return task;
    }

    public Task<IEvilClient> ClientAsync(string name) => _clients.TryGetValue(name, out var client)
        ? client
        : throw new InvalidOperationException($"no evil client \"{name}\" yet; known: {Known(_clients.Keys)}");

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _ending.Cancel();
        // Clients first: their connections close while the servers still run, as a user's would.
        await Task.WhenAll(_clients.Values.Select(StopAsync)).WaitAsync(StopBound);
        await Task.WhenAll(_servers.Values.Select(StopAsync)).WaitAsync(StopBound);
        _ending.Dispose();
    }

    private async Task<ServerUnderTest> StartAsync(ServerUnderTestOptions options, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ending.Token);
        ServerUnderTest server = await ServerUnderTest.StartAsync(options, events(), time, linked.Token);
        leaks?.TrackPort(server.EndPoint.Port);
        return server;
    }

    private async Task<IEvilClient> StartForkedAsync(EvilClientOptions options, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ending.Token);
        return await ForkedEvilClient.StartAsync(options, events(), cancellationToken: linked.Token);
    }

    private static async Task StopAsync<T>(Task<T> starting) where T : IAsyncDisposable
    {
        T running;
        try { running = await starting; }
        catch (Exception) { return; } // a start that failed (or was cancelled) left nothing: it cleans up after itself
        await running.DisposeAsync();
    }

    private void ThrowIfEnded()
    {
        if (Volatile.Read(ref _disposed) == 1) throw new InvalidOperationException("the scenario's servers were already stopped (the scenario is over)");
    }

    private static string Known(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Order()) : "none yet";
}
