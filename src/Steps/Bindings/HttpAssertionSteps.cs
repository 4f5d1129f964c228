using FluentAssertions;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Harness.Tasks;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(11, "HTTP and TLS assertions", "About a task's HTTP requests (its last one, unless the step says all) and what a peer or its " +
    "proxy saw. They wait as the other Then steps do; a peer's counts are re-read for a short while (a forked peer's arrive as events). " +
    "Requests to a peer are numbered from 1 across its connections, in the order it read them.")]
public sealed class HttpAssertionSteps(ChaosScenario chaos)
{
    private readonly ScenarioWaits _waits = new(chaos);

    [Then("the status of task {string} is {int}"), StepExample("Then the status of task \"C\" is 503")]
    public async Task StatusIs(string task, int status)
    {
        var request = await LastRequestAsync(task);
        if (request.Http!.Status != status)
            throw new ChaosAssertionException($"{task}: status {(request.Http.Status is { } s ? s.ToString() : "none (no response headers arrived)")}, expected {status} " +
                $"(outcome {OutcomeClassifier.Name(request.Result.Outcome)}, {request.Http.Attempts} attempt(s))");
    }

    [Then("task {string} needed {int} attempt(s)"), StepExample("Then task \"C\" needed 3 attempts")]
    public async Task Attempts(string task, int attempts)
    {
        var request = await LastRequestAsync(task);
        Expect.That(() => request.Http!.Attempts.Should().Be(attempts, "that many requests of task {0}'s last call should have gone out", task));
    }

    /// <summary>Every transfer of the task in order (downloads, uploads and requests alike).</summary>
    [Then("the outcomes of task {string} are {string}"), StepExample("Then the outcomes of task \"C\" are \"completed, eof, completed\"")]
    public async Task OutcomesAre(string task, string outcomes)
    {
        var expected = AssertionSteps.ParseOutcomes(outcomes);
        var actual = (await _waits.IdleAsync(task)).Transfers.Select(t => t.Result.Outcome).ToArray();
        if (!actual.SequenceEqual(expected))
            throw new ChaosAssertionException($"{task}: outcomes {Names(actual)}, expected {Names(expected)}");
    }

    [Then("all {int} requests of task {string} ended {word}"), StepExample("Then all 4 requests of task \"C\" ended completed")]
    public async Task AllEnded(int count, string task, string outcome)
    {
        var expected = AssertionSteps.ParseOutcomes(outcome).Single();
        var actual = (await _waits.RequestsAsync(task)).Select(r => r.Result.Outcome).ToArray();
        if (actual.Length != count || actual.Any(o => o != expected))
            throw new ChaosAssertionException($"{task}: {actual.Length} request(s) ended {Names(actual)}; expected {count}, all {OutcomeClassifier.Name(expected)}");
    }

    [Then("task {string} opened {int} connection(s) to peer {string}"), StepExample("Then task \"C\" opened 1 connection to peer \"EP\"")]
    public async Task Opened(string task, int connections, string peer)
    {
        await _waits.IdleAsync(task);
        var opened = chaos.Http.ConnectionsOpened(task, peer);
        Expect.That(() => opened.Should().Be(connections, "task {0}'s HTTP client should have opened that many connections to peer {1}", task, peer));
    }

    [Then("peer {string} received {int} request(s)"), StepExample("Then peer \"EP\" received 3 requests")]
    public async Task Received(string peer, int count)
    {
        var requests = await RequestsAsync(peer, count);
        Expect.That(() => requests.Count.Should().Be(count, "peer {0} should have read that many requests", peer));
    }

    [Then("peer {string} received {int} request(s) on {int} connection(s)"), StepExample("Then peer \"EP\" received 3 requests on 1 connection")]
    public async Task ReceivedOn(string peer, int count, int connections)
    {
        var requests = await RequestsAsync(peer, count);
        var used = requests.Select(r => r.ConnectionId).Distinct().Count();
        if (requests.Count != count || used != connections)
            throw new ChaosAssertionException($"peer {peer} read {requests.Count} request(s) on {used} connection(s); expected {count} on {connections}");
    }

    [Then("request {int} to peer {string} was {word} {string}"), StepExample("Then request 1 to peer \"EP\" was GET \"/items\"")]
    public async Task RequestWas(int number, string peer, string method, string target)
    {
        var request = await RequestAsync(number, peer);
        if (request.Method != method || request.Target != target)
            throw new ChaosAssertionException($"request {number} to peer {peer} was {request.Method} \"{request.Target}\", expected {method} \"{target}\"");
    }

    [Then("request {int} to peer {string} carried {int} body bytes"), StepExample("Then request 1 to peer \"EP\" carried 1000 body bytes")]
    public async Task RequestCarried(int number, string peer, int bytes)
    {
        var request = await RequestAsync(number, peer);
        Expect.That(() => request.BodyLength.Should().Be(bytes, "request {0} to peer {1} should have carried that many body bytes", number, peer));
    }

    [Then("peer {string} completed {int} TLS handshake(s)"), StepExample("Then peer \"EP\" completed 1 TLS handshake")]
    public async Task PeerHandshakes(string peer, int count)
    {
        var stats = await Settled(peer, s => s.TlsHandshakes == count);
        Expect.That(() => stats.TlsHandshakes.Should().Be(count, "peer {0} should have completed that many TLS handshakes", peer));
    }

    [Then("peer {string} saw {int} TLS failure(s)"), StepExample("Then peer \"EP\" saw 1 TLS failure")]
    public async Task PeerFailures(string peer, int count)
    {
        var stats = await Settled(peer, s => s.TlsFailures == count);
        Expect.That(() => stats.TlsFailures.Should().Be(count, "peer {0} should have seen that many clients break TLS off", peer));
    }

    [Then("the proxy of peer {string} completed {int} TLS handshake(s)"), StepExample("Then the proxy of peer \"EP\" completed 1 TLS handshake")]
    public async Task ProxyHandshakes(string peer, int count)
    {
        var tls = await ProxyTlsAsync(peer, t => t.Handshakes == count);
        Expect.That(() => tls.Handshakes.Should().Be(count, "the proxy of peer {0} should have completed that many TLS handshakes", peer));
    }

    [Then("the proxy of peer {string} saw {int} TLS failure(s)"), StepExample("Then the proxy of peer \"EP\" saw 1 TLS failure")]
    public async Task ProxyFailures(string peer, int count)
    {
        var tls = await ProxyTlsAsync(peer, t => t.Failures == count);
        Expect.That(() => tls.Failures.Should().Be(count, "the proxy of peer {0} should have seen that many clients break TLS off", peer));
    }

    private async Task<TransferRecord> LastRequestAsync(string task) => (await _waits.RequestsAsync(task))[^1];

    private async Task<EvilPeer.Peers.PeerStats> Settled(string peer, Func<EvilPeer.Peers.PeerStats, bool> expected)
    {
        await chaos.Tasks.WaitAllIdleAsync(chaos.Cancellation);
        return await _waits.SettledAsync(peer, expected, connectionsMayStayOpen: true);
    }

    private async Task<IReadOnlyList<RecordedHttpRequest>> RequestsAsync(string peer, int expected) =>
        (await Settled(peer, s => s.HttpRequests.Count >= expected)).HttpRequests;

    private async Task<RecordedHttpRequest> RequestAsync(int number, string peer)
    {
        var requests = await RequestsAsync(peer, number);
        return requests.FirstOrDefault(r => r.Number == number)
            ?? throw new ChaosAssertionException($"peer {peer} read {requests.Count} request(s), so there is no request {number}");
    }

    /// <summary>The TLS counters of the peer's proxy once every task is idle, re-read for a moment while a connection still closes.</summary>
    private async Task<EvilPeer.Tls.TlsCounters> ProxyTlsAsync(string peer, Func<EvilPeer.Tls.TlsCounters, bool> expected)
    {
        await chaos.Tasks.WaitAllIdleAsync(chaos.Cancellation);
        var running = await chaos.Peers.GetAsync(peer, chaos.Cancellation);
        var tls = running.Proxy?.TlsStats
            ?? throw new InvalidOperationException($"evil peer \"{peer}\" has no proxy; TLS on a proxy comes with 'Given the proxy of peer \"{peer}\" speaks TLS to its clients'");
        // Not settled within the bound: the caller's assertion reports the counters as they are.
        await Eventually.UntilAsync(() => expected(tls), ScenarioWaits.PeerSettleBound, chaos.Time, chaos.Cancellation);
        return tls;
    }

    private static string Names(IEnumerable<Outcome> outcomes) => string.Join(", ", outcomes.Select(OutcomeClassifier.Name));
}
