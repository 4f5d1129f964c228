using System.Net.Sockets;
using System.Text;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Slowloris;
using ChaosFeatures.EvilPeer.Tests.EvilClients.Support;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.EvilClients.Slowloris;

public sealed class SlowlorisTests
{
    private static readonly byte[] Request = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n");

    [Fact]
    public async Task Trickles_the_request_byte_by_byte_at_the_rate()
    {
        await using var server = new TargetServer();
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new SlowlorisBehaviour(Request, bytesPerSecond: 100)));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);
        await server.WaitForEndsAsync(1);

        SeenConnection seen = server.Seen.Single();
        seen.Bytes.Should().Equal(Request);
        // The arrivals are the test server's reads: on a loaded machine a late read finds several bytes waiting (12 reads
        // for 25 bytes seen in CI), while a client that does not trickle shows up as one to three big reads.
        seen.Arrivals.Count.Should().BeGreaterThanOrEqualTo(Request.Length / 4, "bytes arrive in many small reads, not in one segment");
        (seen.Arrivals[^1] - seen.Arrivals[0]).Should().BeGreaterThan(TimeSpan.FromMilliseconds(200),
            $"{Request.Length} bytes at 100 B/s take ~{(Request.Length - 1) * 10} ms");
        report.Connections.Single().BytesSent.Should().Be(Request.Length);
    }

    [Fact]
    public async Task Stops_trickling_once_the_server_cuts_it_off()
    {
        await using var server = new TargetServer(async (socket, seen, ct) =>
        {
            while (seen.Count < 5) await Task.Delay(5, ct);
            socket.Shutdown(SocketShutdown.Both);
        });
        // 10 B/s: the whole trickle would take 2.4 s, the cut comes after about 0.5 s, so a loaded machine's stall has slack.
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new SlowlorisBehaviour(Request, bytesPerSecond: 10)));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);

        ConnectionResult connection = report.Connections.Single();
        connection.EndedByServer.Should().BeTrue($"the server closed it ({connection.End})");
        connection.BytesSent.Should().BeLessThan(Request.Length);
        report.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds((Request.Length - 1) * 100), "it did not trickle on to the end");
    }

    [Fact]
    public async Task After_a_stall_the_trickle_goes_on_at_its_rate_instead_of_sending_what_it_owes_at_once()
    {
        // 10 B/s in 1-byte chunks: one due every 100 ms.
        await using var server = new TargetServer();
        var time = new TimerWatchingTime();
        TimeSpan interval = TimeSpan.FromMilliseconds(100);
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new SlowlorisBehaviour(Request, bytesPerSecond: 10)), time: time);
        await WaitForBytesAsync(server, 1);

        await time.NextTimerAsync(interval); // the client sleeps for its second byte
        time.Advance(TimeSpan.FromSeconds(1)); // and wakes 900 ms late

        // The byte it woke for and one of catch-up, which puts the next one due now; then the rate again.
        await WaitForBytesAsync(server, 4);
        await time.NextTimerAsync(interval);
        await Task.Delay(200);
        server.Seen.Single().Count.Should().Be(4, "the 6 more bytes it owes are not sent at once");
        time.Advance(interval);
        await WaitForBytesAsync(server, 5);
    }

    private static async Task WaitForBytesAsync(TargetServer server, int count)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (server.Seen.Count == 0 || server.Seen[0].Count < count)
        {
            if (clock.Elapsed > TargetServer.Bound) throw new TimeoutException($"{count} byte(s) not received within {TargetServer.Bound}");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Pauses_wait_on_the_injected_clock()
    {
        await using var server = new TargetServer();
        var time = new FastTime(100);
        // 1 byte/s takes 25 s on the client's clock; on one running 100 times faster, about 0.25 s. Its run bound is
        // far off: a 10 ms stall of the machine is a whole second here, and a stall is not made up in a burst.
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new SlowlorisBehaviour(Request, bytesPerSecond: 1),
            maxDurationMs: EvilClientOptions.MaxDurationLimitMs), time: time);

        var wall = System.Diagnostics.Stopwatch.StartNew();
        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);

        report.Connections.Single().BytesSent.Should().Be(Request.Length);
        report.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(Request.Length - 2), "on its own clock the trickle took its time");
        wall.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(12), "on the wall clock it took a hundredth of that");
        time.TimersCreated.Should().BePositive();
    }
}
