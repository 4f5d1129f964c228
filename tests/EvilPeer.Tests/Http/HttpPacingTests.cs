using System.Net.Sockets;
using System.Text;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Http;

/// <summary>A paced body on virtual time: what the pacer does when it wakes late (a stalled machine, a GC).</summary>
public sealed class HttpPacingTests
{
    [Fact]
    public async Task After_a_stall_the_body_goes_on_at_its_rate_instead_of_arriving_at_once()
    {
        // 1000 B at 2000 B/s goes in 100-byte pieces, one due every 50 ms.
        var time = new TimerWatchingTime();
        byte[] body = PayloadGenerator.Generate(seed: 3, length: 1000);
        await using var peer = await PeerHost.StartAsync(
            new PeerOptions("H", new HttpBehaviour(HttpScript.Always(new HttpResponsePlan(200, body, bodyBytesPerSecond: 2000)))), time: time);
        using Socket client = await LoopbackClient.ConnectAsync(peer.EndPoint);
        await LoopbackClient.SendAsync(client, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
        await SkipHeadersAsync(client);

        (await LoopbackClient.ReadExactlyAsync(client, 100)).Should().Equal(body[..100], "the first piece goes at once");
        // Advanced before the pacer looks at the clock, the stall would happen before its first wait, not during it.
        await time.NextTimerAsync(TimeSpan.FromMilliseconds(50));
        time.Advance(TimeSpan.FromSeconds(1)); // the pacer sleeps through 950 ms it should have spent sending

        // The piece it woke for and one piece of catch-up, which puts the next piece due now; then the rate again.
        (await LoopbackClient.ReadExactlyAsync(client, 300)).Should().Equal(body[100..400]);
        (await LoopbackClient.ReadStaysPendingAsync(client, TimeSpan.FromMilliseconds(300))).Should().BeTrue(
            "the rest is due at the rate from here, not all at once");
        await time.NextTimerAsync(TimeSpan.FromMilliseconds(50));
        time.Advance(TimeSpan.FromMilliseconds(50));
        (await LoopbackClient.ReadExactlyAsync(client, 100)).Should().Equal(body[400..500], "one more piece after 50 ms");
        (await LoopbackClient.ReadStaysPendingAsync(client, TimeSpan.FromMilliseconds(100))).Should().BeTrue();
    }

    /// <summary>Reads the status line and headers byte by byte, up to the blank line, so what follows is body.</summary>
    private static async Task SkipHeadersAsync(Socket client)
    {
        var head = new StringBuilder();
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            head.Append((char)(await LoopbackClient.ReadExactlyAsync(client, 1))[0]);
    }
}
