using System.Net.Sockets;
using System.Text;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.Seeds;
using Microsoft.Extensions.Time.Testing;

namespace ChaosFeatures.EvilPeer.Tests.Http;

/// <summary>A paced body on virtual time: what the pacer does when it wakes late (a stalled machine, a GC).</summary>
public sealed class HttpPacingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task After_a_stall_the_body_goes_on_at_its_rate_instead_of_arriving_at_once()
    {
        // 1000 B at 2000 B/s goes in 100-byte pieces, one due every 50 ms.
        var time = new FakeTimeProvider();
        byte[] body = PayloadGenerator.Generate(seed: 3, length: 1000);
        await using var peer = await PeerHost.StartAsync(
            new PeerOptions("H", new HttpBehaviour(HttpScript.Always(new HttpResponsePlan(200, body, bodyBytesPerSecond: 2000)))), time: time);
        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(peer.EndPoint).WaitAsync(Bound);
        await client.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray()).WaitAsync(Bound);
        var reader = new BodyReader(client);

        (await reader.ReadBodyUntilAsync(100)).Should().Be(100, "the first piece goes at once");
        time.Advance(TimeSpan.FromSeconds(1)); // the pacer sleeps through 950 ms it should have spent sending

        // The piece it woke for and one piece of catch-up, which puts the next piece due now; then the rate again.
        (await reader.ReadBodyUntilAsync(400)).Should().Be(400);
        (await reader.NothingMoreWithinAsync(TimeSpan.FromMilliseconds(300))).Should().BeTrue(
            "the rest is due at the rate from here, not all at once");
        time.Advance(TimeSpan.FromMilliseconds(50));
        (await reader.ReadBodyUntilAsync(500)).Should().Be(500, "one more piece after 50 ms");
        (await reader.NothingMoreWithinAsync(TimeSpan.FromMilliseconds(100))).Should().BeTrue();
    }

    /// <summary>Reads a response off a raw socket and counts the body bytes past the header block.</summary>
    private sealed class BodyReader(Socket socket)
    {
        private readonly List<byte> _received = [];
        private int _bodyStart = -1;

        private int BodyBytes => _bodyStart < 0 ? 0 : _received.Count - _bodyStart;

        public async Task<int> ReadBodyUntilAsync(int bodyBytes)
        {
            using var cts = new CancellationTokenSource(Bound);
            while (BodyBytes < bodyBytes) await ReadOnceAsync(cts.Token);
            return BodyBytes;
        }

        public async Task<bool> NothingMoreWithinAsync(TimeSpan quiet)
        {
            using var cts = new CancellationTokenSource(quiet);
            try
            {
                await ReadOnceAsync(cts.Token);
                return false;
            }
            catch (OperationCanceledException)
            {
                return true;
            }
        }

        private async Task ReadOnceAsync(CancellationToken cancel)
        {
            var buffer = new byte[4096];
            int n = await socket.ReceiveAsync(buffer, cancel);
            if (n == 0) throw new InvalidOperationException($"the peer closed after {BodyBytes} body bytes");
            _received.AddRange(buffer.AsSpan(0, n));
            if (_bodyStart < 0)
            {
                int end = Encoding.ASCII.GetString(_received.ToArray()).IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0) _bodyStart = end + 4;
            }
        }
    }
}
