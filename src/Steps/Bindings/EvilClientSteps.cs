using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Churn;
using ChaosFeatures.EvilPeer.EvilClients.DeclaredFrame;
using ChaosFeatures.EvilPeer.EvilClients.HalfClose;
using ChaosFeatures.EvilPeer.EvilClients.Hold;
using ChaosFeatures.EvilPeer.EvilClients.NeverRead;
using ChaosFeatures.EvilPeer.EvilClients.Noise;
using ChaosFeatures.EvilPeer.EvilClients.Slowloris;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Seeds;
using ChaosFeatures.Steps.Arguments;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(14, "Evil clients", "A named evil client attacks a server under test: one Given step says what each of its connections does (its " +
    "values checked there), other Given steps tune it, and \"attacks server\" starts it and returns at once; When steps then wait for it " +
    "(each bounded by 30 s). {payload} is \"text\" (escapes \\r \\n \\t \\0 \\\\ \\\" \\xHH; in a table cell write \\\\n) or a N-byte frame " +
    "(a 4-byte big-endian length and N zero bytes). Its random bytes come from its seed: by default one derived from the case's generation " +
    "seed, so a frozen case sends the same bytes. A trickle is paced from its start, and after a stall (a loaded machine) it makes up " +
    "one chunk at most, then goes on at its rate instead of sending what it owes at once. Every run is bounded (30000 ms unless told) and loopback only; counters " +
    "evil_client_{attempts|connected|open|refused|connect_timeouts|server_fin|server_rst|sent_bytes|received_bytes}_E.")]
public sealed class EvilClientSteps(ChaosScenario chaos)
{
    private const string P = "{" + PayloadTransformation.Name + "}";
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(30);

    [Given("evil client {string} holds {int} silent connection(s) for {int} ms"), StepExample("Given evil client \"E\" holds 80 silent connections for 60000 ms")]
    public void Holds(string client, int connections, int ms) => Define(client, new HoldBehaviour(ms), connections);

    [Given("evil client {string} trickles " + P + " at {int} bytes\\/s"), StepExample("Given evil client \"E\" trickles a 100-byte frame at 20 bytes/s")]
    public void Trickles(string client, Payload payload, int rate) => Define(client, new SlowlorisBehaviour(payload.Bytes, rate));

    [Given("evil client {string} trickles " + P + " at {int} bytes\\/s in {int}-byte chunks"),
     StepExample("Given evil client \"E\" trickles a 500000-byte frame at 100000 bytes/s in 1000-byte chunks")]
    public void TricklesInChunks(string client, Payload payload, int rate, int chunk) => Define(client, new SlowlorisBehaviour(payload.Bytes, rate, chunk));

    [Given("evil client {string} declares a {word} frame of {long} bytes and waits {int} ms"),
     StepExample("Given evil client \"E\" declares a u32be frame of 4294967295 bytes and waits 3000 ms")]
    public void Declares(string client, string header, long declared, int ms) => Define(client, new DeclaredFrameBehaviour(Header(header), declared, holdMs: ms));

    [Given("evil client {string} declares a {word} frame of {long} bytes, sends {long} and waits {int} ms"),
     StepExample("Given evil client \"E\" declares a u32be frame of 4294967295 bytes, sends 33554432 and waits 1000 ms")]
    public void DeclaresAndSends(string client, string header, long declared, long body, int ms) =>
        Define(client, new DeclaredFrameBehaviour(Header(header), declared, body, holdMs: ms));

    [Given("evil client {string} sends {long} random bytes and waits {int} ms"), StepExample("Given evil client \"E\" sends 65536 random bytes and waits 2000 ms")]
    public void SendsRandom(string client, long bytes, int ms) => Define(client, new RandomBytesBehaviour(bytes, holdMs: ms));

    [Given("evil client {string} replays " + P + " {int} times and waits {int} ms"), StepExample("Given evil client \"E\" replays a 10-byte frame 100 times and waits 1000 ms")]
    public void Replays(string client, Payload payload, int times, int ms) => Define(client, new ReplayBehaviour(payload.Bytes, times, holdMs: ms));

    [Given("evil client {string} opens and closes {int} connections, {int} at a time"), StepExample("Given evil client \"E\" opens and closes 400 connections, 4 at a time")]
    public void Churns(string client, int total, int atOnce) => Churn(client, total, atOnce, ReadOnlyMemory<byte>.Empty);

    [Given("evil client {string} opens and closes {int} connections, {int} at a time, sending " + P),
     StepExample("Given evil client \"E\" opens and closes 400 connections, 4 at a time, sending a 3-byte frame")]
    public void ChurnsSending(string client, int total, int atOnce, Payload payload) => Churn(client, total, atOnce, payload.Bytes);

    [Given("evil client {string} sends " + P + ", half-closes and reads for {int} ms"), StepExample("Given evil client \"E\" sends \"PING\\r\\n\", half-closes and reads for 3000 ms")]
    public void HalfCloses(string client, Payload payload, int ms) => Define(client, new HalfCloseBehaviour(payload.Bytes, ms));

    [Given("evil client {string} sends " + P + " {int} times without reading the replies, for {int} ms"),
     StepExample("Given evil client \"E\" sends \"COMMAND\\r\\n\" 40 times without reading the replies, for 3000 ms")]
    public void NeverReads(string client, Payload payload, int times, int ms) => Define(client, new NeverReadBehaviour(payload.Bytes, times, ms));

    [Given("evil client {string} uses {int} connections"), StepExample("Given evil client \"E\" uses 5 connections")]
    public void UsesConnections(string client, int connections) => chaos.Servers.ConfigureClient(client).Connections = connections;

    // {word}, not {long}: the one seed parser, over the full ulong range.
    [Given("evil client {string} uses seed {word}"), StepExample("Given evil client \"E\" uses seed 7")]
    public void UsesSeed(string client, string seed) => chaos.Servers.ConfigureClient(client).Seed = SeedText.TryParse(seed, out var value)
        ? value
        : throw new ArgumentException(SeedText.Invalid($"evil client \"{client}\": seed", seed, SeedText.Range), nameof(seed));

    [Given("evil client {string} gives up connecting after {int} ms"), StepExample("Given evil client \"E\" gives up connecting after 2000 ms")]
    public void GivesUpConnecting(string client, int ms) => chaos.Servers.ConfigureClient(client).ConnectTimeoutMs = ms;

    [Given("evil client {string} stops after {int} ms"), StepExample("Given evil client \"E\" stops after 10000 ms")]
    public void StopsAfter(string client, int ms) => chaos.Servers.ConfigureClient(client).MaxDurationMs = ms;

    [Given("evil client {string} closes with RST"), StepExample("Given evil client \"E\" closes with RST")]
    public void ClosesWithRst(string client) => chaos.Servers.ConfigureClient(client).HardClose = true;

    [Given("evil client {string} runs as a forked client"), StepExample("Given evil client \"E\" runs as a forked client")]
    public void RunsForked(string client) => chaos.Servers.ConfigureClient(client).Forked = true;

    [When("evil client {string} attacks server {string}"), StepExample("When evil client \"E\" attacks server \"S\"")]
    public async Task Attacks(string client, string server)
    {
        ServerUnderTest target = await chaos.Servers.GetServerAsync(server, chaos.Cancellation);
        ulong seed = chaos.Seeds.PayloadFor(client, "evil-client").Value;
        await chaos.Servers.AttackAsync(client, target.EndPoint, seed, chaos.Cancellation);
    }

    [When("evil client {string} has {int} connection(s) open"), StepExample("When evil client \"E\" has 80 connections open")]
    public async Task HasOpen(string client, int connections) =>
        await (await Running(client)).Stats.WaitUntilAsync(s => s.Open >= connections, $"{connections} connection(s) open", WaitBound, chaos.Cancellation);

    [When("evil client {string} has connected {int} time(s)"), StepExample("When evil client \"E\" has connected 12 times")]
    public async Task HasConnected(string client, int times) =>
        await (await Running(client)).Stats.WaitUntilAsync(s => s.Connected >= times, $"{times} connect(s)", WaitBound, chaos.Cancellation);

    [When("evil client {string} has sent {long} bytes"), StepExample("When evil client \"E\" has sent 50000 bytes")]
    public async Task HasSent(string client, long bytes) =>
        await (await Running(client)).Stats.WaitUntilAsync(s => s.BytesSent >= bytes, $"{bytes} bytes sent", WaitBound, chaos.Cancellation);

    [When("evil client {string} is done"), StepExample("When evil client \"E\" is done")]
    public async Task IsDone(string client) => await EvilClientRuns.ReportAsync(await Running(client), chaos.Cancellation);

    [When("evil client {string} is stopped"), StepExample("When evil client \"E\" is stopped")]
    public async Task IsStopped(string client) => await (await Running(client)).DisposeAsync();

    private Task<IEvilClient> Running(string client) => chaos.Servers.ClientAsync(client);

    private void Define(string client, EvilClientBehaviour behaviour, int connections = 1) =>
        chaos.Servers.DefineClient(new EvilClientSpec(client, behaviour, connections));

    private void Churn(string client, int total, int atOnce, ReadOnlyMemory<byte> payload)
    {
        if (atOnce < 1 || total < atOnce || total % atOnce != 0)
            throw new ArgumentException($"evil client \"{client}\": {total} connections, {atOnce} at a time: the total must be a multiple of 1..{total} at a time");
        Define(client, new ChurnBehaviour(total / atOnce, payload: payload), atOnce);
    }

    private static FrameHeader Header(string name) => FrameHeaders.Parse(name)
        ?? throw new ArgumentException($"frame header \"{name}\" is unknown; known: {FrameHeaders.Names}");
}
