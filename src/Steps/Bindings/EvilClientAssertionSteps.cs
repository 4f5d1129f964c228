using System.Text;
using FluentAssertions;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(15, "Evil client assertions", "What the attacked server did to an evil client's connections. Each step first waits for the client's " +
    "run to end (its behaviour done, or its time bound and 10 s more). A connection's time is from its connect to its end; \"was told\" " +
    "looks for the text in the first 256 bytes the server sent it (shown with escapes for bytes that are not text, such as a length header).")]
public sealed class EvilClientAssertionSteps(ChaosScenario chaos)
{
    [Then("the server ended every connection of evil client {string}"), StepExample("Then the server ended every connection of evil client \"E\"")]
    public async Task EndedEvery(string client)
    {
        var report = await ReportAsync(client);
        Fail(report, report.Connections.Where(c => !c.EndedByServer), "were not ended by the server");
    }

    [Then("the server ended every connection of evil client {string} within {int} ms"),
     StepExample("Then the server ended every connection of evil client \"E\" within 1000 ms")]
    public async Task EndedEveryWithin(string client, int ms)
    {
        var report = await ReportAsync(client);
        Fail(report, report.Connections.Where(c => !c.EndedByServer || c.Lifetime > TimeSpan.FromMilliseconds(ms)),
            $"were not ended by the server within {ms} ms");
    }

    [Then("the server ended {int} connection(s) of evil client {string}"), StepExample("Then the server ended 2 connections of evil client \"E\"")]
    public async Task EndedCount(string client, int count)
    {
        var report = await ReportAsync(client);
        int ended = report.Connections.Count(c => c.EndedByServer);
        if (ended != count)
            throw new ChaosAssertionException($"the server ended {ended} of the {report.Connections.Count} connection(s) of evil client {client}, expected {count}: {Describe(report.Connections)}");
    }

    [Then("the server kept every connection of evil client {string} for at least {int} ms"),
     StepExample("Then the server kept every connection of evil client \"E\" for at least 2500 ms")]
    public async Task KeptEvery(string client, int ms)
    {
        var report = await ReportAsync(client);
        Fail(report, report.Connections.Where(c => !c.Connected || (c.EndedByServer && c.Lifetime < TimeSpan.FromMilliseconds(ms))),
            $"were ended by the server (or never connected) within {ms} ms");
    }

    [Then("evil client {string} closed every connection itself"), StepExample("Then evil client \"E\" closed every connection itself")]
    public async Task ClosedItself(string client)
    {
        var report = await ReportAsync(client);
        Fail(report, report.Connections.Where(c => c.End != ConnectionEnd.ClosedByClient), "were not closed by the client (the server ended them, or they never connected)");
    }

    [Then("every connection of evil client {string} was told {string}"), StepExample("Then every connection of evil client \"E\" was told \"exceeds the limit\"")]
    public async Task EveryTold(string client, string text)
    {
        var report = await ReportAsync(client);
        Fail(report, report.Connections.Where(c => !Told(c).Contains(text, StringComparison.Ordinal)), $"were not told \"{text}\"");
    }

    [Then("{int} connection(s) of evil client {string} were/was told {string}"), StepExample("Then 2 connections of evil client \"E\" were told \"max number of clients\"")]
    public async Task CountTold(int count, string client, string text)
    {
        var report = await ReportAsync(client);
        int told = report.Connections.Count(c => Told(c).Contains(text, StringComparison.Ordinal));
        if (told != count)
            throw new ChaosAssertionException($"{told} of the {report.Connections.Count} connection(s) of evil client {client} were told \"{text}\", expected {count}: {Describe(report.Connections)}");
    }

    [Then("{int} connection(s) of evil client {string} got no reply"), StepExample("Then 4 connections of evil client \"E\" got no reply")]
    public async Task CountSilent(int count, string client)
    {
        var report = await ReportAsync(client);
        int silent = report.Connections.Count(c => c.End == ConnectionEnd.ClosedByClient && c.BytesReceived == 0);
        if (silent != count)
            throw new ChaosAssertionException($"{silent} of the {report.Connections.Count} connection(s) of evil client {client} were held to the end without a reply, expected {count}: {Describe(report.Connections)}");
    }

    [Then("evil client {string} received {long} bytes"), StepExample("Then evil client \"E\" received 1500 bytes")]
    public async Task Received(string client, long bytes)
    {
        var report = await ReportAsync(client);
        Expect.That(() => report.Stats.BytesReceived.Should().Be(bytes, "that is what evil client {0} should have received in all", client));
    }

    [Then("evil client {string} sent less than {long} bytes"), StepExample("Then evil client \"E\" sent less than 1048576 bytes")]
    public async Task SentLessThan(string client, long bytes)
    {
        var report = await ReportAsync(client);
        Expect.That(() => report.Stats.BytesSent.Should().BeLessThan(bytes, "the server should have stopped taking the bytes of evil client {0}", client));
    }

    private async Task<EvilClientReport> ReportAsync(string client) =>
        await EvilClientRuns.ReportAsync(await chaos.Servers.ClientAsync(client), chaos.Cancellation);

    /// <summary>What the server sent first, as text (a binary length header decodes to control characters, which a search skips over).</summary>
    private static string Told(ConnectionResult c) => Encoding.UTF8.GetString(c.ReplyHead.Span);

    /// <summary>The same for a message: bytes that are not printable ASCII as \xHH, so a header reads as bytes, not as stray quotes.</summary>
    private static string Shown(ConnectionResult c) =>
        string.Concat(c.ReplyHead.ToArray().Select(b => b is >= 0x20 and < 0x7f and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:x2}"));

    private static void Fail(EvilClientReport report, IEnumerable<ConnectionResult> failing, string what)
    {
        var bad = failing.ToList();
        if (bad.Count == 0 && report.Connections.Count > 0) return;
        throw new ChaosAssertionException(report.Connections.Count == 0
            ? $"evil client {report.Name} made no connection attempt ({report.Stats})"
            : $"{bad.Count} of the {report.Connections.Count} connection(s) of evil client {report.Name} {what}: {Describe(bad)}");
    }

    /// <summary>At most a few connections, each with how it ended, after how long, and what it was told; byte counts stay (they are the bug).</summary>
    private static string Describe(IReadOnlyCollection<ConnectionResult> connections) =>
        string.Join("; ", connections.Take(3).Select(c =>
            $"#{c.Id} {ClientEnd(c.End)} after {c.Lifetime.TotalMilliseconds:0} ms, sent {c.BytesSent} B, told \"{Shown(c)}\"")) +
        (connections.Count > 3 ? $"; and {connections.Count - 3} more" : "");

    private static string ClientEnd(ConnectionEnd end) => end switch
    {
        ConnectionEnd.ServerClosed => "closed by the server (FIN)",
        ConnectionEnd.ServerReset => "reset by the server",
        ConnectionEnd.ClosedByClient => "held until the client closed it",
        ConnectionEnd.Refused => "refused",
        ConnectionEnd.ConnectTimeout => "connect timed out",
        _ => "connect failed",
    };
}
