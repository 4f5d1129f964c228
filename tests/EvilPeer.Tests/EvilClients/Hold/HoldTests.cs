using System.Net;
using System.Net.Sockets;
using System.Text;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Hold;
using ChaosFeatures.EvilPeer.Tests.EvilClients.Support;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.EvilClients.Hold;

public sealed class HoldTests
{
    [Fact]
    public async Task A_flood_opens_every_connection_sends_nothing_and_closes_each_with_fin()
    {
        await using var server = new TargetServer();
        var sink = new RecordingPeerSink();
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(300), connections: 50), sink);

        await client.Stats.WaitUntilAsync(s => s.Open == 50, "50 connections open", TargetServer.Bound);
        await server.WaitForConnectionsAsync(50);
        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);
        await server.WaitForEndsAsync(50);

        report.Connections.Should().HaveCount(50).And.OnlyContain(c => c.End == ConnectionEnd.ClosedByClient && c.BytesSent == 0);
        report.Connections.Should().OnlyContain(c => c.Lifetime >= TimeSpan.FromMilliseconds(290), "each was held for its 300 ms");
        server.Seen.Should().OnlyContain(s => s.Count == 0 && s.End == "eof", "silent, then an orderly FIN");
        report.Stats.Connected.Should().Be(50);
        report.Stats.Open.Should().Be(0);
        report.DeadlineReached.Should().BeFalse();
        sink.Events.Where(e => e.Name == "connect").Should().HaveCount(50);
        sink.Events.Where(e => e.Name == "close").Should().HaveCount(50);
        sink.Events.Last().Name.Should().Be("finished");
    }

    [Fact]
    public async Task A_server_that_drops_idle_connections_is_seen_doing_it_and_when()
    {
        // The server closes every connection 200 ms after accepting it, with FIN.
        await using var server = new TargetServer(async (socket, _, ct) =>
        {
            await Task.Delay(200, ct);
            socket.Shutdown(SocketShutdown.Both);
        });
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(30_000), connections: 5));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);

        report.Count(ConnectionEnd.ServerClosed).Should().Be(5);
        report.Connections.Should().OnlyContain(c => c.Lifetime >= TimeSpan.FromMilliseconds(150) && c.Lifetime < TimeSpan.FromSeconds(10),
            "the hold ends when the server closes, not after its 30 s");
        report.Stats.ServerClosed.Should().Be(5);
    }

    [Fact]
    public async Task Hard_close_resets_and_a_reset_from_the_server_is_told_apart()
    {
        await using var server = new TargetServer();
        await using (var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(50), hardClose: true)))
            (await client.WaitAsync(TargetServer.Bound)).Connections.Single().End.Should().Be(ConnectionEnd.ClosedByClient);
        await server.WaitForEndsAsync(1);
        server.Seen.Single().End.Should().Be("rst");

        await using var resetting = new TargetServer(async (socket, _, ct) =>
        {
            await Task.Delay(50, ct);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });
        await using var victim = EvilClient.Start(new EvilClientOptions("E", resetting.EndPoint, new HoldBehaviour(30_000)));
        (await victim.WaitAsync(TargetServer.Bound)).Connections.Single().End.Should().Be(ConnectionEnd.ServerReset);
    }

    [Fact]
    public async Task A_reply_and_fin_that_arrive_as_the_client_stops_are_still_the_servers_doing()
    {
        // Redis past maxclients: the extra connections are told an error and closed, and a CI run stopped the
        // flood in the same millisecond, before the watch loops had read it. Here the server answers every
        // held connection at once and the client is stopped right after, so most replies are still unread.
        const int Connections = 20;
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int answered = 0;
        var allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new TargetServer(async (socket, _, ct) =>
        {
            await answer.Task.WaitAsync(ct);
            socket.Send("-ERR full\r\n"u8);
            socket.Shutdown(SocketShutdown.Send);
            if (Interlocked.Increment(ref answered) == Connections) allAnswered.TrySetResult();
        });
        var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(60_000), connections: Connections));
        await client.Stats.WaitUntilAsync(s => s.Open == Connections, $"{Connections} open", TargetServer.Bound);
        await server.WaitForConnectionsAsync(Connections);

        answer.SetResult();
        await allAnswered.Task.WaitAsync(TargetServer.Bound);
        await client.DisposeAsync();
        EvilClientReport report = await client.Completion.WaitAsync(TargetServer.Bound);

        report.Connections.Should().HaveCount(Connections);
        report.Connections.Select(c => Encoding.ASCII.GetString(c.ReplyHead.Span)).Should().AllBe("-ERR full\r\n",
            "each reply was in the client's socket before it closed");
        report.Count(ConnectionEnd.ServerClosed).Should().Be(Connections, "each server FIN came before ours");
    }

    [Fact]
    public async Task The_run_bound_cuts_a_long_hold_and_disposal_cuts_it_sooner()
    {
        await using var server = new TargetServer();
        await using (var bounded = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(600_000), connections: 3, maxDurationMs: 300)))
        {
            EvilClientReport report = await bounded.WaitAsync(TargetServer.Bound);
            report.DeadlineReached.Should().BeTrue();
            report.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
            report.Connections.Should().HaveCount(3).And.OnlyContain(c => c.End == ConnectionEnd.ClosedByClient);
        }

        var held = EvilClient.Start(new EvilClientOptions("F", server.EndPoint, new HoldBehaviour(600_000), connections: 3));
        await held.Stats.WaitUntilAsync(s => s.Open == 3, "3 open", TargetServer.Bound);
        await held.DisposeAsync();
        EvilClientReport stopped = await held.Completion;
        stopped.Stopped.Should().BeTrue();
        stopped.DeadlineReached.Should().BeFalse();
        stopped.Stats.Open.Should().Be(0);
        await server.WaitForEndsAsync(6);
        server.Seen.Should().OnlyContain(s => s.End == "eof");
    }

    [Fact]
    public async Task Nothing_listening_is_refused_and_counted_not_thrown()
    {
        using var closed = new RefusingPort();
        await using var client = EvilClient.Start(new EvilClientOptions("E", closed.EndPoint, new HoldBehaviour(100), connections: 4));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);

        report.Count(ConnectionEnd.Refused).Should().Be(4);
        report.Stats.Refused.Should().Be(4);
        report.Stats.Connected.Should().Be(0);
        report.Errors.Should().Be(0);
    }

    [Fact]
    public async Task Waiting_for_more_than_the_run_can_open_fails_at_its_end_with_the_stats()
    {
        await using var server = new TargetServer();
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(50), connections: 2));

        Func<Task> wait = () => client.Stats.WaitUntilAsync(s => s.Connected >= 3, "3 connected", TargetServer.Bound);

        (await wait.Should().ThrowAsync<TimeoutException>()).WithMessage("evil client ended before 3 connected (attempts=2 connected=2*");
    }
}
