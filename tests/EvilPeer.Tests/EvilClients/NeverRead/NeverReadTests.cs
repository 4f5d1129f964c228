using System.Net.Sockets;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.NeverRead;
using ChaosFeatures.EvilPeer.Tests.EvilClients.Support;

namespace ChaosFeatures.EvilPeer.Tests.EvilClients.NeverRead;

public sealed class NeverReadTests
{
    private static readonly byte[] Request = "GET big\r\n"u8.ToArray();

    /// <summary>Replies 64 KiB per request until the client's window is full, like a server whose replies the client never reads.</summary>
    private static async Task ReplyToEveryRequestAsync(Socket socket, SeenConnection seen, CancellationToken ct)
    {
        var reply = new byte[64 * 1024];
        for (long answered = 0; ; answered++)
        {
            while (seen.Count < (answered + 1) * Request.Length) await Task.Delay(5, ct);
            await socket.SendAsync(reply, SocketFlags.None, ct);
        }
    }

    [Fact]
    public async Task It_reads_nothing_and_a_server_that_keeps_writing_holds_it_until_the_hold_ends()
    {
        await using var server = new TargetServer(ReplyToEveryRequestAsync);
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new NeverReadBehaviour(Request, repeat: 100, holdMs: 600)));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);

        ConnectionResult c = report.Connections.Single();
        c.End.Should().Be(ConnectionEnd.ClosedByClient);
        c.BytesReceived.Should().Be(0, "it never reads");
        c.BytesSent.Should().Be(100 * Request.Length, "a server that reads every request takes them all");
        c.Lifetime.Should().BeGreaterThan(TimeSpan.FromMilliseconds(550));
        report.Stats.BytesReceived.Should().Be(0);
    }

    [Fact]
    public async Task A_server_that_drops_it_is_seen_from_the_kernels_tcp_state_fin_or_rst()
    {
        // The first closes with FIN after replying; the second resets (SO_LINGER 0) after replying.
        await using var fin = new TargetServer(async (socket, seen, ct) =>
        {
            while (seen.Count < Request.Length) await Task.Delay(5, ct);
            await socket.SendAsync(new byte[1000], SocketFlags.None, ct);
            socket.Shutdown(SocketShutdown.Both);
        });
        await using var rst = new TargetServer(async (socket, seen, ct) =>
        {
            while (seen.Count < Request.Length) await Task.Delay(5, ct);
            await socket.SendAsync(new byte[1000], SocketFlags.None, ct);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });
        await using var toFin = EvilClient.Start(new EvilClientOptions("E", fin.EndPoint, new NeverReadBehaviour(Request, repeat: 1, holdMs: 20_000)));
        await using var toRst = EvilClient.Start(new EvilClientOptions("F", rst.EndPoint, new NeverReadBehaviour(Request, repeat: 1, holdMs: 20_000)));

        ConnectionResult closed = (await toFin.WaitAsync(TargetServer.Bound)).Connections.Single();
        ConnectionResult reset = (await toRst.WaitAsync(TargetServer.Bound)).Connections.Single();

        closed.End.Should().Be(ConnectionEnd.ServerClosed);
        reset.End.Should().Be(ConnectionEnd.ServerReset);
        closed.Lifetime.Should().BeLessThan(TimeSpan.FromSeconds(10), "it ends when the server does, not after its hold");
        reset.Lifetime.Should().BeLessThan(TimeSpan.FromSeconds(10));
        (closed.BytesReceived + reset.BytesReceived).Should().Be(0);
    }

    [Fact]
    public async Task Sends_into_a_server_that_stopped_reading_are_bounded_by_the_hold()
    {
        // Listens and never accepts: the kernel completes the handshake, our sends fill its buffer and block; the hold still ends them.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        listener.Listen(1);
        var stuck = new NeverReadBehaviour(new byte[1024 * 1024], repeat: 1000, holdMs: 800);
        await using var client = EvilClient.Start(new EvilClientOptions("E", (System.Net.IPEndPoint)listener.LocalEndPoint!, stuck));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);

        report.DeadlineReached.Should().BeFalse("the hold, not the run's time bound, ended it");
        report.Connections.Single().End.Should().Be(ConnectionEnd.ClosedByClient);
        report.Stats.BytesSent.Should().BeLessThan(1000L * 1024 * 1024, "the sends blocked once the listener's buffer was full");
        report.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Its_options_are_checked_where_they_enter()
    {
        FluentActions.Invoking(() => new NeverReadBehaviour(ReadOnlyMemory<byte>.Empty, repeat: 0, holdMs: 0)).Should()
            .Throw<ChaosFeatures.EvilPeer.Validation.OptionsValidationException>().WithMessage(
                "Invalid never-read behaviour: never_read.request: 0 is out of range 1..16777216 bytes; never_read.repeat: 0 is out of range 1..1000000; never_read.hold: 0 is out of range 1..600000 ms");
    }
}
