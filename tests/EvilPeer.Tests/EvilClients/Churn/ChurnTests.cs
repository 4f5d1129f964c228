using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Churn;
using ChaosFeatures.EvilPeer.Tests.EvilClients.Support;

namespace ChaosFeatures.EvilPeer.Tests.EvilClients.Churn;

public sealed class ChurnTests
{
    [Fact]
    public async Task Every_lane_opens_and_closes_its_count_of_connections()
    {
        await using var server = new TargetServer();
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new ChurnBehaviour(100, payload: "x"u8.ToArray()), connections: 3));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);
        await server.WaitForEndsAsync(300);

        report.Stats.Connected.Should().Be(300);
        report.Connections.Should().HaveCount(300).And.OnlyContain(c => c.End == ConnectionEnd.ClosedByClient && c.BytesSent == 1);
        report.Connections.Select(c => c.Id).Should().OnlyHaveUniqueItems();
        server.Seen.Should().OnlyContain(s => s.Count == 1 && s.End == "eof");
    }

    [Fact]
    public async Task Churn_against_a_closed_port_counts_refusals_and_goes_on()
    {
        using var closed = new RefusingPort();
        await using var client = EvilClient.Start(new EvilClientOptions("E", closed.EndPoint, new ChurnBehaviour(20, delayMs: 1), hardClose: true));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);

        report.Stats.Refused.Should().Be(20);
        report.Stats.ConnectAttempts.Should().Be(20);
    }

    [Fact]
    public async Task A_tight_loop_is_cut_by_the_run_bound()
    {
        await using var server = new TargetServer();
        // A million connections cannot finish in a second; the bound leaves room for the first connect on a machine
        // running two test suites at once (300 ms once saw none complete).
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new ChurnBehaviour(1_000_000), maxDurationMs: 1_000, hardClose: true));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);

        report.DeadlineReached.Should().BeTrue();
        report.Stats.Connected.Should().BeInRange(1, 999_999);
        report.Stats.Open.Should().Be(0);
    }
}
