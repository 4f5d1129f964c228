using System.Text;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Toxics.Bandwidth;
using ChaosFeatures.EvilPeer.Toxics.Latency;
using ChaosFeatures.Harness.Tasks;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(20, "Proxy faults while tasks run", "A task can act on a running toxic proxy, in its queue, so the fault lands at a chosen point " +
    "of the clients' work (after a sleep, mid-command): down closes the listener (new connections are refused) and ends live ones " +
    "with a FIN, as Toxiproxy's enabled=false; up listens again on the same port; a reset sends an RST on every connection live through " +
    "the proxy at that moment (later ones pass); a task can wait until a client has connected through the proxy, or until a client sends a text " +
    "through it (its UTF-8 bytes, on one connection, sent after the wait's step, so the fault that follows lands on that request in flight " +
    "and not on the client library's own heartbeats), at most 10 s each; toxics added this way apply to live connections from their next " +
    "chunk, and removing the toxics removes every toxic of the proxy, those of Given steps too.")]
public sealed class LiveProxySteps(ChaosScenario chaos)
{
    [When("task {string} takes the proxy of peer {string} down"), StepExample("When task \"K\" takes the proxy of peer \"R\" down")]
    public async Task Down(string task, string peer) =>
        chaos.Tasks.Enqueue(task, ProxyActions.Down(peer, await ProxyAsync(peer), chaos.Timeline));

    [When("task {string} brings the proxy of peer {string} back up"), StepExample("When task \"K\" brings the proxy of peer \"R\" back up")]
    public async Task Up(string task, string peer) =>
        chaos.Tasks.Enqueue(task, ProxyActions.Up(peer, await ProxyAsync(peer), chaos.Timeline));

    [When("task {string} resets the connections of the proxy of peer {string}"), StepExample("When task \"K\" resets the connections of the proxy of peer \"R\"")]
    public async Task Reset(string task, string peer) =>
        chaos.Tasks.Enqueue(task, ProxyActions.ResetConnections(peer, await ProxyAsync(peer), chaos.Timeline));

    [When("task {string} waits until a client connects through the proxy of peer {string}"), StepExample("When task \"K\" waits until a client connects through the proxy of peer \"R\"")]
    public async Task AwaitConnection(string task, string peer) =>
        chaos.Tasks.Enqueue(task, ProxyActions.AwaitConnection(peer, await ProxyAsync(peer), chaos.Timeline));

    [When("task {string} waits until a client sends {string} through the proxy of peer {string}"), StepExample("When task \"K\" waits until a client sends \"SET\" through the proxy of peer \"R\"")]
    public async Task AwaitClientSend(string task, string text, string peer)
    {
        if (text.Length is 0 or > MaxWatchedText)
            throw new ArgumentOutOfRangeException(nameof(text), text.Length, $"the text a client sends must be 1 to {MaxWatchedText} characters");
        var proxy = await ProxyAsync(peer);
        // Watched from now, when the step is bound: the steps after this one cannot have sent yet, whenever the task runs.
        var sent = proxy.WhenClientSends(Encoding.UTF8.GetBytes(text), chaos.Cancellation);
        chaos.Tasks.Enqueue(task, ProxyActions.AwaitClientSend(peer, proxy, text, sent, chaos.Timeline));
    }

    private const int MaxWatchedText = 1024;

    [When("task {string} adds {int} ms latency to the proxy of peer {string}"), StepExample("When task \"K\" adds 500 ms latency to the proxy of peer \"R\"")]
    public async Task AddLatency(string task, int ms, string peer)
    {
        var latency = new LatencyOptions { Name = $"live_latency_{task}_{ms}", Latency = ms };
        latency.Validate(); // here, where the value enters, not later in the task
        chaos.Tasks.Enqueue(task, ProxyActions.AddToxic(peer, await ProxyAsync(peer), latency, chaos.Timeline));
    }

    [When(@"task {string} throttles the proxy of peer {string} to {int} KB\/s"), StepExample("When task \"K\" throttles the proxy of peer \"R\" to 20 KB/s")]
    public async Task Throttle(string task, string peer, int rate)
    {
        var bandwidth = new BandwidthOptions { Name = $"live_bandwidth_{task}_{rate}", Rate = rate };
        bandwidth.Validate();
        chaos.Tasks.Enqueue(task, ProxyActions.AddToxic(peer, await ProxyAsync(peer), bandwidth, chaos.Timeline));
    }

    [When("task {string} removes the toxics of the proxy of peer {string}"), StepExample("When task \"K\" removes the toxics of the proxy of peer \"R\"")]
    public async Task RemoveToxics(string task, string peer) =>
        chaos.Tasks.Enqueue(task, ProxyActions.RemoveToxics(peer, await ProxyAsync(peer), chaos.Timeline));

    private async Task<ToxicProxy> ProxyAsync(string peer)
    {
        if (chaos.Peers.Spec(peer).Proxy is null)
            throw new InvalidOperationException($"peer \"{peer}\" has no toxic proxy; add 'Given evil peer \"{peer}\" is fronted by a toxic proxy' first");
        return (await chaos.Peers.GetAsync(peer, chaos.Cancellation)).Proxy!;
    }
}
