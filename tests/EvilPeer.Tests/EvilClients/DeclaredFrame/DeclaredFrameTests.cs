using System.Net.Sockets;
using System.Text;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.DeclaredFrame;
using ChaosFeatures.EvilPeer.Tests.EvilClients.Support;

namespace ChaosFeatures.EvilPeer.Tests.EvilClients.DeclaredFrame;

public sealed class DeclaredFrameTests
{
    [Fact]
    public async Task A_header_promising_4_GB_then_silence_is_exactly_the_header()
    {
        await using var server = new TargetServer();
        var behaviour = new DeclaredFrameBehaviour(FrameHeader.UInt32BigEndian, uint.MaxValue, holdMs: 100);
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, behaviour));

        await client.WaitAsync(TargetServer.Bound);
        await server.WaitForEndsAsync(1);

        server.Seen.Single().Bytes.Should().Equal(0xFF, 0xFF, 0xFF, 0xFF);
    }

    [Fact]
    public async Task Fewer_or_more_body_bytes_than_declared_are_sent_as_asked()
    {
        await using var server = new TargetServer(keepBytes: 16);
        await using (var shortBody = EvilClient.Start(new EvilClientOptions("E", server.EndPoint,
            new DeclaredFrameBehaviour(FrameHeader.UInt16BigEndian, 1000, bodyBytes: 10))))
            await shortBody.WaitAsync(TargetServer.Bound);
        await using (var overrun = EvilClient.Start(new EvilClientOptions("F", server.EndPoint,
            new DeclaredFrameBehaviour(FrameHeader.UInt32LittleEndian, 10, bodyBytes: 300_000, chunkBytes: 4096))))
            (await overrun.WaitAsync(TargetServer.Bound)).Stats.BytesSent.Should().Be(300_004);
        await server.WaitForEndsAsync(2);

        server.Seen[0].Bytes[..2].Should().Equal(0x03, 0xE8);
        server.Seen[0].Count.Should().Be(12);
        server.Seen[1].Bytes[..4].Should().Equal(10, 0, 0, 0);
        server.Seen[1].Count.Should().Be(300_004);
    }

    [Fact]
    public async Task Text_headers_declare_the_length_in_redis_and_http_syntax()
    {
        FrameHeaders.Encode(FrameHeader.RespBulkString, 4_294_967_296).Should().Equal(Encoding.ASCII.GetBytes("*1\r\n$4294967296\r\n"));
        Encoding.ASCII.GetString(FrameHeaders.Encode(FrameHeader.HttpContentLength, 5)).Should().Contain("\r\nContent-Length: 5\r\n\r\n");
        FrameHeaders.Encode(FrameHeader.UInt64BigEndian, 1).Should().Equal(0, 0, 0, 0, 0, 0, 0, 1);

        await using var server = new TargetServer();
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new DeclaredFrameBehaviour(FrameHeader.RespBulkString, 3, bodyBytes: 3)));
        await client.WaitAsync(TargetServer.Bound);
        await server.WaitForEndsAsync(1);
        server.Seen.Single().Bytes[..8].Should().Equal(Encoding.ASCII.GetBytes("*1\r\n$3\r\n"));
        server.Seen.Single().Count.Should().Be(11, "the header, then the 3 body bytes");
    }

    [Fact]
    public async Task A_server_that_rejects_the_header_at_once_is_seen_replying_and_closing()
    {
        await using var server = new TargetServer(async (socket, seen, ct) =>
        {
            while (seen.Count < 4) await Task.Delay(1, ct);
            await socket.SendAsync("ERR too large"u8.ToArray(), SocketFlags.None, ct);
            socket.Shutdown(SocketShutdown.Both);
        });
        var behaviour = new DeclaredFrameBehaviour(FrameHeader.UInt32BigEndian, uint.MaxValue, holdMs: 30_000);
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, behaviour));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);

        ConnectionResult c = report.Connections.Single();
        c.End.Should().Be(ConnectionEnd.ServerClosed);
        Encoding.ASCII.GetString(c.ReplyHead.Span).Should().Be("ERR too large");
        c.Lifetime.Should().BeLessThan(TimeSpan.FromSeconds(10), "the hold ended with the server's close");
    }
}
