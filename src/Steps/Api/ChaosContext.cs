using System.Net;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Harness.Servers;
using ChaosFeatures.Harness.Tasks;
using ChaosFeatures.Steps.Scenario;

namespace ChaosFeatures.Steps;

/// <summary>
/// The running scenario's chaos, for your own <c>[Binding]</c> classes: inject it in the constructor (one per
/// scenario, shared by every binding class). Your client connects to a peer's or a proxy's endpoint; your code runs
/// as a named scenario task on the scenario scheduler, so the library's killers (<c>task "K" cancels task "C"</c>),
/// seeds, the watchdog and the end-of-scenario leak check apply to it; its exception becomes an outcome, and the
/// library's Then steps read it: <c>the outcome of task "C" is reset</c>, <c>the transfer of task "C" took less than
/// 500 ms</c>, <c>counter "io_call_ok_C" equals 1</c>, <c>task "C" got the reply "42"</c>.
/// </summary>
public sealed class ChaosContext(ChaosScenario scenario)
{
    private readonly List<Func<Exception, Outcome?>> _classifiers = [];

    /// <summary>The case's stable id (feature path, line, row, mutation code).</summary>
    public string TestId => scenario.TestId;

    /// <summary>Cancelled when the watchdog cuts the scenario: pass it to waits that are not a task's.</summary>
    public CancellationToken Cancellation => scenario.Cancellation;

    /// <summary>The scenario's counters (<c>io_call_ok_C</c>, ...); add your own with <see cref="ChaosCounters.Increment"/>, read them with <c>counter "x" equals N</c>.</summary>
    public ChaosCounters Counters => scenario.Counters;

    /// <summary>
    /// Where your client connects for <paramref name="peer"/> (an evil peer or a real server defined by Given steps):
    /// its toxic proxy when it is fronted, else the peer itself. Starts both on first use, after every Given applied.
    /// </summary>
    public async Task<IPEndPoint> EndpointAsync(string peer) => (await scenario.Peers.GetAsync(peer, scenario.Cancellation)).ClientEndPoint;

    /// <summary>The toxic proxy in front of <paramref name="peer"/>, for faults your own steps add while the client runs.</summary>
    public async Task<ToxicProxy> ProxyAsync(string peer) =>
        (await scenario.Peers.GetAsync(peer, scenario.Cancellation)).Proxy
        ?? throw new InvalidOperationException($"peer \"{peer}\" has no toxic proxy; add 'Given evil peer \"{peer}\" is fronted by a toxic proxy' (or any \"the proxy of peer\" step)");

    /// <summary>
    /// Makes <paramref name="name"/> a peer that is your own server (an HTTP service, a fake dependency): it starts the first
    /// time anyone needs it (with the other peers, after every Given) and is disposed with them; its toxic proxy and the
    /// library's "the proxy of peer" steps work as for a real server.
    /// </summary>
    /// <param name="start">Starts it on a loopback port and says where it listens.</param>
    public void Server(string name, Func<CancellationToken, Task<(IAsyncDisposable Server, IPEndPoint EndPoint)>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        scenario.Peers.DefineRealServer(name, RealServerKind.Own(name, start));
    }

    /// <summary>Runs <paramref name="work"/> as the next action of task <paramref name="task"/> and returns at once (When steps queue, Then steps wait).</summary>
    /// <param name="description">What it does, for messages and the timeline: <c>GET user:1</c>.</param>
    /// <param name="work">
    /// Your client code. Its token is cancelled by a killer (outcome cancelled) or when the task gives up
    /// (<c>Given task "C" gives up after N ms</c>, default 10 s; outcome timeout). Use async APIs: a blocking call holds
    /// the scheduler's lane.
    /// </param>
    public void StartTask(string task, string description, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        StartTask<byte[]?>(task, description, async ct =>
        {
            await work(ct);
            return null;
        });
    }

    /// <summary>As <see cref="StartTask(string, string, Func{CancellationToken, Task})"/>; what the work returns is what the task received (bytes as they are, anything else as text).</summary>
    public void StartTask<T>(string task, string description, Func<CancellationToken, Task<T>> work)
    {
        var chaosTask = scenario.Tasks.Get(task);
        scenario.Tasks.Enqueue(task, CallActions.Create(chaosTask, description, work, Classify, scenario.Counters, scenario.Timeline));
    }

    /// <summary>
    /// Teaches the outcome classification your client's exceptions, tried before the library's (which already walks
    /// inner exceptions for socket errors, EOF and timeouts): return null for the ones you leave to it.
    /// </summary>
    public void ClassifyWith(Func<Exception, Outcome?> classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        lock (_classifiers) _classifiers.Add(classifier);
    }

    /// <summary>Disposes <paramref name="client"/> when the scenario ends: after its tasks, before the peers stop and the leak check.</summary>
    public T Own<T>(T client) where T : class
    {
        ArgumentNullException.ThrowIfNull(client);
        _ = scenario.Seeds; // the scenario's chaos starts here at the latest, so its end runs
        scenario.Own(client);
        return client;
    }

    /// <summary>A seed derived from the case's payload seed and <paramref name="purpose"/>: the same in a replay or a frozen scenario.</summary>
    public ulong Seed(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return scenario.Seeds.PayloadFor(purpose, "user").Value;
    }

    /// <summary>An event on the case's timeline (and in events.jsonl): <c>Record("C", "cache_miss", ("key", "user:1"))</c>.</summary>
    public void Record(string actor, string name, params (string Key, object? Value)[] fields) =>
        scenario.Timeline.Record(ChaosEvent.Of(ChaosEventKinds.User, actor, name, fields));

    /// <summary>Stops the scenario, reported skipped with <paramref name="reason"/> (a failure under CHAOS_STRICT=1).</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Skip(string reason) => scenario.Skip(reason);

    /// <summary>Text that ends the failure message and goes to the case's output.</summary>
    public void Report(string text) => scenario.Report(text);

    private Outcome? Classify(Exception error)
    {
        Func<Exception, Outcome?>[] classifiers;
        lock (_classifiers) classifiers = [.. _classifiers];
        foreach (var classifier in classifiers)
            if (classifier(error) is { } outcome) return outcome;
        return null;
    }
}
