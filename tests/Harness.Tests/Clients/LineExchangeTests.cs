using System.Net.Sockets;
using System.Text;
using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Harness.Tests.Clients;

public sealed class LineExchangeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>Reads the request line, then answers with <paramref name="reply"/> in the given pieces (none: closes without a word).</summary>
    private static LoopbackServer Answering(params string[] reply) => new(async (socket, ct) =>
    {
        var request = new List<byte>();
        var one = new byte[1];
        while (request.LastOrDefault() != '\n' && await socket.ReceiveAsync(one, SocketFlags.None, ct) > 0) request.Add(one[0]);
        Encoding.ASCII.GetString([.. request]).Should().Be("PING\r\n");
        foreach (var piece in reply)
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes(piece), SocketFlags.None, ct);
            await Task.Delay(20, ct);
        }
        socket.Shutdown(SocketShutdown.Send);
    });

    [Fact]
    public async Task A_whole_reply_line_completes_the_exchange_even_when_it_arrives_in_pieces()
    {
        await using var server = Answering("+PO", "NG\r", "\n");
        var events = new RecordingChaosSink();

        var result = await LineExchange.RunAsync(server.EndPoint, LineExchange.Request("PING"), "C", events, Bound, default);

        result.Outcome.Should().Be(Outcome.Completed, result.Error);
        LineExchange.ReplyLine(result.Received).Should().Be("+PONG");
        result.BytesSent.Should().Be(6);
        events.Named("outcome").Should().ContainSingle();
    }

    [Fact]
    public async Task A_server_that_closes_before_a_whole_line_is_eof_with_no_reply()
    {
        await using var server = Answering("+PO");

        var result = await LineExchange.RunAsync(server.EndPoint, LineExchange.Request("PING"), "C", null, Bound, default);

        result.Outcome.Should().Be(Outcome.Eof);
        result.Received.Should().Equal("+PO"u8.ToArray());
        LineExchange.ReplyLine(result.Received).Should().BeNull();
    }

    [Fact]
    public async Task A_silent_server_is_a_timeout_at_the_bound()
    {
        await using var server = LoopbackServer.Holding();

        var result = await LineExchange.RunAsync(server.EndPoint, LineExchange.Request("PING"), "C", null, TimeSpan.FromMilliseconds(200), default);

        result.Outcome.Should().Be(Outcome.Timeout);
        result.Duration.Should().BeGreaterThan(TimeSpan.FromMilliseconds(150));
    }
}
