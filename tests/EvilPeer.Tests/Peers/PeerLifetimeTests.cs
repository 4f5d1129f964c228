using System.Diagnostics;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Tests.Peers.Consume;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Peers;

public sealed class PeerLifetimeTests
{
    [Fact]
    public async Task Delays_run_on_the_injected_time_provider()
    {
        var time = new InstantTime();
        await using var peer = await PeerHost.StartAsync(
            new PeerOptions("EP", new ServeBehaviour(new byte[30], slice: 10, delayMs: ServeBehaviour.MaxDelayMs)), time: time);
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        var download = await LoopbackClient.DownloadAsync(client);

        download.Bytes.Should().HaveCount(30, "two one-hour delays took no real time");
        time.TimersCreated.Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Dispose_stops_a_send_blocked_on_a_client_that_never_reads()
    {
        var peer = await PeerHost.StartAsync(new PeerOptions("EP", new ServeBehaviour(new byte[32 * 1024 * 1024])));
        try
        {
            using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);
            await ConsumeTests.WaitUntil(() => peer.Stats.BytesServed > 0 || peer.Stats.ConnectionsAccepted == 1);
            await Task.Delay(200); // let the send fill the buffers and block

            var clock = Stopwatch.StartNew();
            await peer.DisposeAsync().AsTask().WaitAsync(LoopbackClient.Bound);

            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
            peer.Stats.ConnectionsFinished.Should().Be(1);
            var rest = await LoopbackClient.DownloadAsync(client);
            rest.Bytes.Length.Should().BeLessThan(32 * 1024 * 1024, "the transfer was cut by disposal");
        }
        finally
        {
            await peer.DisposeAsync();
        }
    }

    [Fact]
    public async Task Waiting_for_connections_is_bounded_and_says_what_it_saw()
    {
        await using var peer = await PeerHost.StartAsync(new PeerOptions("EP", new ServeBehaviour(new byte[1])));

        var wait = () => peer.WaitForConnectionsAsync(1, TimeSpan.FromMilliseconds(100));

        await wait.Should().ThrowAsync<TimeoutException>().WithMessage("peer EP: 1 connection(s) did not finish*accepted=0*");
    }
}
