using System.Collections.Concurrent;
using System.Net;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Forked;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.Leaks;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// One scenario's servers under test and evil clients, by name. Steps define them (<see cref="DefineServer"/>,
/// <see cref="DefineClient"/>); a server starts the first time a step needs it, with its warm baseline taken, so every
/// Given applies whatever the order. The end (<see cref="StopAllAsync"/>, the after-scenario hook) stops everything, also
/// when a step was cut by the watchdog mid-wait or mid-start: starts in flight are cancelled (their process killed),
/// clients stopped (their connections closed) before servers are killed, waits still running on them end; then it checks
/// that no process of a server's group and no temp folder is left. Server ports go to the scenario's
/// <see cref="LeakChecker"/>, so a client socket left open to one is reported.
/// </summary>
public sealed class ScenarioServers(Func<IPeerEventSink?> events, LeakChecker? leaks = null, TimeProvider? time = null) : IAsyncDisposable
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan GoneBound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BaselineBound = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly Dictionary<string, ServerSpec> _serverSpecs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EvilClientSpec> _clientSpecs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<ServerUnderTest>> _servers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Task<ServerUnderTest>> _retired = new();
    private readonly ConcurrentDictionary<string, Task<IEvilClient>> _clients = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _ending = new();
    private Task<IReadOnlyList<string>>? _stopping;

    public IReadOnlyCollection<string> ServerNames => [.. _servers.Keys.Order()];
    public IReadOnlyCollection<string> ClientNames => [.. _clients.Keys.Order()];

    /// <summary>A server under test for later steps to configure and start; its name must be new in the scenario.</summary>
    public ServerSpec DefineServer(string name, ServerCommand command, string? workingDirectory = null)
    {
        lock (_gate)
        {
            ThrowIfEnded();
            if (_serverSpecs.ContainsKey(name) || _servers.ContainsKey(name))
                throw new InvalidOperationException($"a server under test \"{name}\" is already defined in this scenario; use another name");
            return _serverSpecs[name] = new ServerSpec(name, command, workingDirectory);
        }
    }

    /// <summary>The spec of a server not started yet, for a Given step that adds to it.</summary>
    public ServerSpec ConfigureServer(string name)
    {
        lock (_gate)
        {
            if (_servers.ContainsKey(name))
                throw new InvalidOperationException($"server \"{name}\" is already running; configure it in Given steps before the first step that uses it");
            return _serverSpecs.TryGetValue(name, out var spec) ? spec
                : throw new InvalidOperationException($"no server under test \"{name}\" yet; known: {Known(_serverSpecs.Keys)}. Define it first, e.g. 'Given server \"{name}\" runs \"...\"'");
        }
    }

    /// <summary>The defined server, started (and its baseline taken) the first time anyone needs it; later calls get the same one.</summary>
    public Task<ServerUnderTest> GetServerAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ThrowIfEnded();
            if (_servers.TryGetValue(name, out var started)) return started;
            if (!_serverSpecs.TryGetValue(name, out var spec))
                throw new InvalidOperationException($"no server under test \"{name}\" yet; known: {Known(_serverSpecs.Keys)}");
            return _servers[name] = StartWithBaselineAsync(spec.ToOptions(), cancellationToken);
        }
    }

    /// <summary>
    /// Starts a server under test again on its port, after it exited (a restart after a crash): the new process gets a
    /// baseline of its own; the old one's folder and status are cleaned up at the end.
    /// </summary>
    /// <exception cref="InvalidOperationException">It was never started, or it still runs.</exception>
    public async Task<ServerUnderTest> RestartServerAsync(string name, CancellationToken cancellationToken = default)
    {
        ServerUnderTest old = await ServerAsync(name);
        if (!old.HasExited) throw new InvalidOperationException($"server \"{name}\" still runs (pid {old.ProcessId}); stop it before starting it again");
        Task<ServerUnderTest> again;
        lock (_gate)
        {
            ThrowIfEnded();
            _retired.Enqueue(_servers[name]);
            _servers[name] = again = StartWithBaselineAsync(old.Options, cancellationToken, old.EndPoint.Port);
        }
        return await again;
    }

    /// <summary>Starts a server under test named by its options (see <see cref="ServerUnderTest.StartAsync"/> for the failures).</summary>
    public Task<ServerUnderTest> StartServerAsync(ServerUnderTestOptions options, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ThrowIfEnded();
            if (_servers.ContainsKey(options.Name) || _serverSpecs.ContainsKey(options.Name))
                throw new InvalidOperationException($"a server under test \"{options.Name}\" is already started in this scenario; use another name");
            return _servers[options.Name] = StartAsync(options, cancellationToken);
        }
    }

    /// <summary>The started server <paramref name="name"/>.</summary>
    public Task<ServerUnderTest> ServerAsync(string name) => _servers.TryGetValue(name, out var server)
        ? server
        : throw new InvalidOperationException($"no server under test \"{name}\" started yet; known: {Known(_servers.Keys)}");

    /// <summary>An evil client for later steps to tune and start; its name must be new in the scenario.</summary>
    public EvilClientSpec DefineClient(EvilClientSpec spec)
    {
        lock (_gate)
        {
            ThrowIfEnded();
            if (_clientSpecs.ContainsKey(spec.Name) || _clients.ContainsKey(spec.Name))
                throw new InvalidOperationException($"an evil client \"{spec.Name}\" is already defined in this scenario (one behaviour per client); use another name");
            return _clientSpecs[spec.Name] = spec;
        }
    }

    /// <summary>The spec of an evil client that has not attacked yet.</summary>
    public EvilClientSpec ConfigureClient(string name)
    {
        lock (_gate)
        {
            if (_clients.ContainsKey(name)) throw new InvalidOperationException($"evil client \"{name}\" is already attacking; configure it before it starts");
            return _clientSpecs.TryGetValue(name, out var spec) ? spec
                : throw new InvalidOperationException($"no evil client \"{name}\" yet; known: {Known(_clientSpecs.Keys)}. Define its behaviour first, e.g. 'Given evil client \"{name}\" holds 10 silent connections for 1000 ms'");
        }
    }

    /// <summary>Starts the defined evil client against <paramref name="target"/>, seeded by its own seed or <paramref name="defaultSeed"/>.</summary>
    public Task<IEvilClient> AttackAsync(string name, IPEndPoint target, ulong defaultSeed, CancellationToken cancellationToken = default)
    {
        EvilClientSpec spec = ConfigureClient(name);
        return StartClientAsync(spec.ToOptions(target, defaultSeed), spec.Forked, cancellationToken);
    }

    /// <summary>Starts an evil client, in process or forked (its own process: its descriptors are not ours, and it can be killed).</summary>
    public Task<IEvilClient> StartClientAsync(EvilClientOptions options, bool forked = false, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ThrowIfEnded();
            if (_clients.ContainsKey(options.Name)) throw new InvalidOperationException($"an evil client \"{options.Name}\" is already started in this scenario; use another name");
            return _clients[options.Name] = forked
                ? StartForkedAsync(options, cancellationToken)
                : Task.FromResult<IEvilClient>(EvilClient.Start(options, events(), time));
        }
    }

    public Task<IEvilClient> ClientAsync(string name) => _clients.TryGetValue(name, out var client)
        ? client
        : throw new InvalidOperationException($"no evil client \"{name}\" started yet; known: {Known(_clients.Keys)}");

    /// <summary>The live stats of every started client and a /proc snapshot of every started server, as counters.</summary>
    public void RecordCounters(ChaosCounters counters)
    {
        foreach (var (name, client) in _clients)
            if (client.IsCompletedSuccessfully) counters.RecordEvilClient(name, client.Result.Stats);
        foreach (var (name, server) in _servers)
            if (server.IsCompletedSuccessfully) counters.RecordServer(name, server.Result.Snapshot());
    }

    /// <summary>
    /// Ends everything once, within <paramref name="bound"/> (<see cref="StopBound"/> when none is given), and returns
    /// what was left behind: a process of a server's group, its folder, a stop that hung. A later call gets the first's answer.
    /// </summary>
    public Task<IReadOnlyList<string>> StopAllAsync(TimeSpan? bound = null)
    {
        lock (_gate) return _stopping ??= StopOnceAsync(bound ?? StopBound);
    }

    public async ValueTask DisposeAsync() => await StopAllAsync();

    private async Task<IReadOnlyList<string>> StopOnceAsync(TimeSpan bound)
    {
        var clock = time ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        TimeSpan Left() => Max(TimeSpan.Zero, bound - clock.GetElapsedTime(started));
        _ending.Cancel();
        var problems = new List<string>();
        // Clients first: their connections close while the servers still run, as a user's would.
        await StopEachAsync(_clients.Values, "evil clients", Left(), clock, problems);
        Task<ServerUnderTest>[] servers = [.. _servers.Values, .. _retired];
        await StopEachAsync(servers, "servers under test", Left(), clock, problems);
        var gone = await Task.WhenAll(servers.Where(s => s.IsCompletedSuccessfully).Select(s => LeftBehindAsync(s.Result, Min(GoneBound, Left()), clock)));
        problems.AddRange(gone.SelectMany(p => p));
        return problems;
    }

    private static async Task StopEachAsync<T>(IEnumerable<Task<T>> started, string what, TimeSpan bound, TimeProvider clock, List<string> problems) where T : IAsyncDisposable
    {
        try
        {
            await Task.WhenAll(started.Select(StopAsync)).WaitAsync(bound, clock);
        }
        catch (TimeoutException)
        {
            problems.Add($"the {what} did not stop within {bound.TotalSeconds:0.###} s");
        }
    }

    /// <summary>What the kernel still shows of a disposed server: the guard SIGKILLs its group, whose members take a moment to go.</summary>
    private static async Task<IReadOnlyList<string>> LeftBehindAsync(ServerUnderTest server, TimeSpan bound, TimeProvider clock)
    {
        IReadOnlyList<int> left = [];
        await Eventually.UntilAsync(() => (left = server.ProcessesLeft()).Count == 0, bound, clock,
            CancellationToken.None, pollEvery: TimeSpan.FromMilliseconds(20));
        var problems = new List<string>();
        if (left.Count > 0) problems.Add($"server {server.Name} left process(es) {string.Join(", ", left)} running");
        if (Directory.Exists(server.Folder)) problems.Add($"server {server.Name} left its folder {server.Folder}");
        return problems;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task<ServerUnderTest> StartWithBaselineAsync(ServerUnderTestOptions options, CancellationToken cancellationToken, int? port = null)
    {
        ServerUnderTest server = await StartAsync(port is { } p ? new ServerUnderTestOptions(options.Name, options.Command, p, options.StartTimeoutMs,
            options.Probe, options.WorkingDirectory, options.Environment) : options, cancellationToken);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ending.Token);
            await server.TakeBaselineAsync(BaselineBound, linked.Token);
            return server;
        }
        catch
        {
            await server.DisposeAsync(); // the step fails with the reason; nothing of it stays
            throw;
        }
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
        if (_ending.IsCancellationRequested) throw new InvalidOperationException("the scenario's servers were already stopped (the scenario is over)");
    }

    private static string Known(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Order()) : "none yet";
}
