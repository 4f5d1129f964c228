using ChaosFeatures.Harness.Toxiproxy;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using ChaosFeatures.Harness.Tasks;
using FluentAssertions;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(12, "Toxiproxy API", "A Toxiproxy-compatible server driven over its HTTP API, as Toxiproxy's clients and CLI drive it: our " +
    "`evilpeer server` started in-process for the scenario (free loopback port, seeded from the case, stopped after it), or an external " +
    "one (a real Toxiproxy) whose proxies made by the scenario are deleted after it. Toxic attributes are written as in " +
    "`toxiproxy-cli toxic add -a`: `latency=100, jitter=10`; `name`, `stream` (upstream|downstream) and `toxicity` are the toxic's own fields.")]
public sealed class ToxiproxySteps(ChaosScenario chaos)
{
    private readonly Dictionary<(string Server, string Proxy), string> _peerBehind = [];
    private ToxiproxyAnswer? _lastAnswer;

    [Given("a Toxiproxy-compatible server {string}"), StepExample("Given a Toxiproxy-compatible server \"T\"")]
    public Task Server(string server) => chaos.Toxiproxies.StartAsync(server, chaos.Cancellation);

    [Given("the Toxiproxy server at {string} as {string}"), StepExample("Given the Toxiproxy server at \"http://127.0.0.1:8474\" as \"T\"")]
    public void External(string url, string server) => chaos.Toxiproxies.Attach(server, url);

    [Given("server {string} proxies {string} to peer {string}"), StepExample("Given server \"T\" proxies \"ep\" to peer \"EP\"")]
    public async Task Proxies(string server, string proxy, string peer)
    {
        var running = await chaos.Peers.GetAsync(peer, chaos.Cancellation);
        await chaos.Toxiproxies.CreateProxyAsync(server, proxy, running.PeerEndPoint, chaos.Cancellation);
        _peerBehind[(server, proxy)] = peer;
    }

    [Given("server {string} adds a {word} toxic to proxy {string} with {string}"), StepExample("Given server \"T\" adds a latency toxic to proxy \"ep\" with \"latency=50, jitter=0\"")]
    public Task AddsToxic(string server, string type, string proxy, string fields) =>
        chaos.Toxiproxies.Api(server).AddToxicAsync(proxy, ToxicRequest.Parse(type, fields), chaos.Cancellation);

    /// <summary>The same while the scenario runs: live connections get the toxic at once.</summary>
    [When("a {word} toxic is added to proxy {string} on server {string} with {string}"), StepExample("When a reset_peer toxic is added to proxy \"ep\" on server \"T\" with \"timeout=100\"")]
    public Task AddsToxicNow(string type, string proxy, string server, string fields) => AddsToxic(server, type, proxy, fields);

    [When("the {word} toxic is added to proxy {string} on server {string} with:"), StepExample("When the bandwidth toxic is added to proxy \"ep\" on server \"T\" with:")]
    public Task AddsToxicFromTable(string type, string proxy, string server, DataTable fields) =>
        chaos.Toxiproxies.Api(server).AddToxicAsync(proxy, ToxicRequest.From(type, Rows(fields)), chaos.Cancellation);

    [When("toxic {string} of proxy {string} on server {string} is updated with {string}"), StepExample("When toxic \"latency_downstream\" of proxy \"ep\" on server \"T\" is updated with \"latency=10\"")]
    public Task Updates(string toxic, string proxy, string server, string fields) =>
        chaos.Toxiproxies.Api(server).UpdateToxicAsync(proxy, toxic, ToxicRequest.Parse(toxic, fields).AttributesJson(), chaos.Cancellation);

    [When("toxic {string} is removed from proxy {string} on server {string}"), StepExample("When toxic \"latency_downstream\" is removed from proxy \"ep\" on server \"T\"")]
    public Task Removes(string toxic, string proxy, string server) => chaos.Toxiproxies.Api(server).RemoveToxicAsync(proxy, toxic, chaos.Cancellation);

    [When("proxy {string} on server {string} is disabled"), StepExample("When proxy \"ep\" on server \"T\" is disabled")]
    public Task Disables(string proxy, string server) => chaos.Toxiproxies.Api(server).SetEnabledAsync(proxy, false, chaos.Cancellation);

    [When("proxy {string} on server {string} is enabled"), StepExample("When proxy \"ep\" on server \"T\" is enabled")]
    public Task Enables(string proxy, string server) => chaos.Toxiproxies.Api(server).SetEnabledAsync(proxy, true, chaos.Cancellation);

    [When("server {string} is reset"), StepExample("When server \"T\" is reset")]
    public Task Resets(string server) => chaos.Toxiproxies.Api(server).ResetAsync(chaos.Cancellation);

    [When("task {string} downloads from proxy {string} of server {string}"), StepExample("When task \"C\" downloads from proxy \"ep\" of server \"T\"")]
    public void Downloads(string task, string proxy, string server) =>
        Download(task, proxy, server, TaskSteps.DefaultChunk);

    [When("task {string} downloads from proxy {string} of server {string} byte by byte"), StepExample("When task \"C\" downloads from proxy \"ep\" of server \"T\" byte by byte")]
    public void DownloadsByteByByte(string task, string proxy, string server) => Download(task, proxy, server, 1);

    /// <summary>What a client of the server would send, kept for the Then step that reads the answer.</summary>
    [When("server {string} is sent {word} {string} with:"), StepExample("When server \"T\" is sent POST \"/proxies/ep/toxics\" with:")]
    public async Task Sends(string server, string method, string path, string body) =>
        _lastAnswer = await chaos.Toxiproxies.Api(server).SendRawAsync(new HttpMethod(method.ToUpperInvariant()), path, body, chaos.Cancellation);

    [Then("proxy {string} on server {string} lists the toxics {string}"), StepExample("Then proxy \"ep\" on server \"T\" lists the toxics \"latency_downstream, lag\"")]
    public async Task ListsToxics(string proxy, string server, string names)
    {
        var listed = await chaos.Toxiproxies.Api(server).ToxicNamesAsync(proxy, chaos.Cancellation);
        var expected = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Expect.That(() => listed.Should().BeEquivalentTo(expected, "proxy {0} on server {1} should list these toxics", proxy, server));
    }

    [Then("proxy {string} on server {string} has no toxics"), StepExample("Then proxy \"ep\" on server \"T\" has no toxics")]
    public async Task HasNoToxics(string proxy, string server)
    {
        var listed = await chaos.Toxiproxies.Api(server).ToxicNamesAsync(proxy, chaos.Cancellation);
        Expect.That(() => listed.Should().BeEmpty("proxy {0} on server {1} should have no toxics", proxy, server));
    }

    [Then("the answer has status {int} and an error containing {string}"), StepExample("Then the answer has status 400 and an error containing \"rate\"")]
    public void AnswerIs(int status, string error)
    {
        var answer = _lastAnswer ?? throw new InvalidOperationException("no request was sent to a Toxiproxy server in this scenario; send one with `server \"T\" is sent POST \"/path\" with:`");
        Expect.That(() =>
        {
            ((int)answer.Status).Should().Be(status, "the answer was {0}", answer.Body);
            answer.Error.Should().Contain(error);
        });
    }

    private void Download(string task, string proxy, string server, int readSize)
    {
        var endPoint = chaos.Toxiproxies.ProxyEndPoint(server, proxy);
        var payload = PeerBehind(server, proxy);
        chaos.Tasks.Enqueue(task, TaskActions.Download(chaos.Tasks.Get(task), $"{proxy}@{server}", endPoint, payload, readSize, chaos.Counters, chaos.Timeline));
    }

    /// <summary>What the proxy's upstream serves, when it is one of the scenario's serving peers: the download is judged against it.</summary>
    private byte[]? PeerBehind(string server, string proxy) =>
        _peerBehind.TryGetValue((server, proxy), out var peer) ? chaos.Peers.Spec(peer).ServedPayload : null;

    private static IEnumerable<(string Field, string Value)> Rows(DataTable table)
    {
        if (table.Header.Count != 2)
            throw new ArgumentException($"a toxic's table has two columns (field | value), this one has {table.Header.Count}");
        // The header row is a field too: `| latency | 100 |` reads as naturally as a header `| field | value |`.
        var header = table.Header.ToArray();
        var rows = table.Rows.Select(r => (r[0], r[1]));
        return header[0].Equals("field", StringComparison.OrdinalIgnoreCase) ? rows : rows.Prepend((header[0], header[1]));
    }
}
