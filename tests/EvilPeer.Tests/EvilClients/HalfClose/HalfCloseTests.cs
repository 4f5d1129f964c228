using System.Net.Sockets;
using System.Text;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.HalfClose;
using ChaosFeatures.EvilPeer.Tests.EvilClients.Support;

namespace ChaosFeatures.EvilPeer.Tests.EvilClients.HalfClose;

public sealed class HalfCloseTests
{
    [Fact]
    public async Task After_our_fin_the_reply_still_arrives_and_the_server_closes()
    {
        // Replies once it has seen the client's FIN, the way a request/response server over a half-close does.
        await using var server = new TargetServer(async (socket, seen, ct) =>
        {
            await seen.Ended.WaitAsync(ct);
            await socket.SendAsync(Encoding.ASCII.GetBytes($"got {seen.Count}"), SocketFlags.None, ct);
            socket.Shutdown(SocketShutdown.Send);
        });
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HalfCloseBehaviour("PING"u8.ToArray(), holdMs: 30_000)));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);

        ConnectionResult c = report.Connections.Single();
        Encoding.ASCII.GetString(c.ReplyHead.Span).Should().Be("got 4");
        c.End.Should().Be(ConnectionEnd.ServerClosed);
        server.Seen.Single().End.Should().Be("eof");
    }

    [Fact]
    public async Task A_server_that_ignores_the_fin_keeps_the_connection_until_the_hold_ends()
    {
        await using var server = new TargetServer(async (_, _, ct) => await Task.Delay(Timeout.Infinite, ct));
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HalfCloseBehaviour(ReadOnlyMemory<byte>.Empty, holdMs: 300)));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);

        ConnectionResult c = report.Connections.Single();
        c.End.Should().Be(ConnectionEnd.ClosedByClient);
        c.Lifetime.Should().BeGreaterThan(TimeSpan.FromMilliseconds(290));
    }
}
