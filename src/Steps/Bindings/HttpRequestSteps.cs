using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Harness.Tasks;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(10, "HTTP requests", "A task's requests to a peer go through one HttpClient (SocketsHttpHandler) per task and peer, kept for the " +
    "scenario, so requests in a row reuse a keep-alive connection and parallel ones open more. The client is http, or https when the peer " +
    "(or its proxy) speaks TLS, unless the task chose an HTTP driver (http, https, http-retry, https-retry); the retry steps put it behind " +
    "the resilience handler (retry on 5xx, 408, 429 and errors, constant delay, no jitter). A request's outcome is what HttpClient made of " +
    "the response: completed means it took the response as whole (whatever the status, and even when the peer's framing lied); the " +
    "received steps judge the body against the peer's, the status and attempt steps the rest. The task's give-up time bounds each request, retries included.")]
public sealed class HttpRequestSteps(ChaosScenario chaos)
{
    [Given("task {string} retries failed requests {int} time(s) {int} ms apart"), StepExample("Given task \"C\" retries failed requests 3 times 50 ms apart")]
    public void Retries(string task, int retries, int ms) => chaos.Tasks.Get(task).Settings.RetryRequests(retries, ms);

    [Given("task {string} gives each request attempt {int} ms"), StepExample("Given task \"C\" gives each request attempt 500 ms")]
    public void BoundsAttempts(string task, int ms) => chaos.Tasks.Get(task).Settings.BoundAttempts(ms);

    [When("task {string} requests {string} from peer {string}"), StepExample("When task \"C\" requests \"/\" from peer \"EP\"")]
    public Task Requests(string task, string path, string peer) => Request(task, peer, new HttpCall { Path = path }, 1, parallel: false);

    [When("task {string} requests {string} from peer {string} reading the body byte by byte"),
     StepExample("When task \"C\" requests \"/\" from peer \"EP\" reading the body byte by byte")]
    public Task RequestsByteByByte(string task, string path, string peer) => Request(task, peer, new HttpCall { Path = path, ReadSize = 1 }, 1, parallel: false);

    [When("task {string} requests {string} from peer {string} {int} times in a row"), StepExample("When task \"C\" requests \"/\" from peer \"EP\" 3 times in a row")]
    public Task RequestsInARow(string task, string path, string peer, int count) => Request(task, peer, new HttpCall { Path = path }, count, parallel: false);

    [When("task {string} requests {string} from peer {string} {int} times in parallel"), StepExample("When task \"C\" requests \"/\" from peer \"EP\" 4 times in parallel")]
    public Task RequestsInParallel(string task, string path, string peer, int count) => Request(task, peer, new HttpCall { Path = path }, count, parallel: true);

    [When("task {string} posts {int} bytes to {string} on peer {string}"), StepExample("When task \"C\" posts 1000 bytes to \"/upload\" on peer \"EP\"")]
    public Task Posts(string task, int bytes, string path, string peer)
    {
        if (bytes < 0) throw new ArgumentOutOfRangeException(nameof(bytes), bytes, $"task \"{task}\" posts N bytes: N must be >= 0");
        var body = chaos.Seeds.PayloadFor($"{task}:{path}:{bytes}", "post").Payload(bytes);
        return Request(task, peer, new HttpCall { Method = HttpMethod.Post, Path = path, Body = body }, 1, parallel: false);
    }

    private async Task Request(string task, string peer, HttpCall call, int count, bool parallel)
    {
        var chaosTask = chaos.Tasks.Get(task);
        var running = await chaos.Peers.GetAsync(peer, chaos.Cancellation);
        var session = chaos.Http.For(task, running, chaosTask.Settings.HttpSettings(task, running.Spec.ClientsSpeakTls), chaos.Timeline);
        var bounded = call with { Timeout = chaosTask.Settings.Timeout };
        chaos.Tasks.Enqueue(task, TaskActions.Request(chaosTask, running, session, bounded, count, parallel, chaos.Counters));
    }
}
