using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Consume;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Peers.Consume;

public sealed class ConsumeTests
{
    private static Task<Peer> Start(ConsumeBehaviour consume, int receiveBufferSize = 0) =>
        PeerHost.StartAsync(new PeerOptions("EP", consume, receiveBufferSize: receiveBufferSize));

    [Fact]
    public async Task Hash_and_count_match_what_the_client_sent()
    {
        byte[] upload = PayloadGenerator.Generate(seed: 3, length: 100_000);
        await using var peer = await Start(new ConsumeBehaviour(readSize: 4096));
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        await client.SendAsync(upload).WaitAsync(LoopbackClient.Bound);
        client.Shutdown(SocketShutdown.Send);
        var answer = await LoopbackClient.DownloadAsync(client);

        await peer.WaitForConnectionsAsync(1, LoopbackClient.Bound);
        answer.EndedWithFin.Should().BeTrue();
        peer.Stats.BytesRead.Should().Be(upload.Length);
        peer.Stats.LastReadSha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(upload)));
        peer.Stats.ReadSha256ByConnection[1].Should().Be(peer.Stats.LastReadSha256);
    }

    [Fact]
    public async Task Stop_after_reads_exactly_that_many_bytes()
    {
        byte[] upload = PayloadGenerator.Generate(seed: 4, length: 10_000);
        await using var peer = await Start(new ConsumeBehaviour(readSize: 1000, stopAfter: 3000));
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        await client.SendAsync(upload).WaitAsync(LoopbackClient.Bound);
        await peer.WaitForConnectionsAsync(1, LoopbackClient.Bound);

        peer.Stats.BytesRead.Should().Be(3000);
        peer.Stats.LastReadSha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(upload.AsSpan(0, 3000))));
    }

    [Fact]
    public async Task Delay_between_reads_slows_the_upload_down()
    {
        await using var peer = await Start(new ConsumeBehaviour(readSize: 100, delayMs: 30));
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);
        var clock = Stopwatch.StartNew();

        await client.SendAsync(new byte[500]).WaitAsync(LoopbackClient.Bound);
        client.Shutdown(SocketShutdown.Send);
        await peer.WaitForConnectionsAsync(1, LoopbackClient.Bound);

        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(4 * 30 - 10));
        peer.Stats.BytesRead.Should().Be(500);
    }

    [Fact]
    public async Task Never_read_stalls_the_clients_sends_once_the_buffers_are_full()
    {
        const int total = 8 * 1024 * 1024;
        await using var peer = await Start(new ConsumeBehaviour(readSize: 0), receiveBufferSize: 4096);
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint, sendBufferSize: 4096);

        long accepted = FillWithoutBlocking(client, total);
        using var abandon = new CancellationTokenSource();
        var stalled = client.SendAsync(new byte[64 * 1024], SocketFlags.None, abandon.Token).AsTask();
        var finished = await Task.WhenAny(stalled, Task.Delay(500));

        finished.Should().NotBeSameAs(stalled, "the peer never reads, so the send cannot complete");
        accepted.Should().BeLessThan(total / 8, "the kernel buffers hold only a little of the upload");
        peer.Stats.BytesRead.Should().Be(0);
        // The send's own token ends it: disposing alone once left it pending past the 10 s bound
        // on a loaded CI run (why the close did not abort it is not known).
        abandon.Cancel();
        client.Dispose();
        await stalled.ContinueWith(_ => { }).WaitAsync(LoopbackClient.Bound);
    }

    [Fact]
    public async Task Disposing_a_hard_reset_consumer_resets_its_live_connections()
    {
        var peer = await Start(new ConsumeBehaviour(readSize: 0, hardReset: true));
        try
        {
            using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);
            await WaitUntil(() => peer.Stats.ConnectionsAccepted == 1);
            await peer.DisposeAsync();

            (await LoopbackClient.DownloadAsync(client)).Error.Should().Be(SocketError.ConnectionReset);
            peer.Stats.ResetsSent.Should().Be(1);
        }
        finally
        {
            await peer.DisposeAsync();
        }
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > LoopbackClient.Bound) throw new TimeoutException("condition not met within the bound");
            await Task.Delay(10);
        }
    }

    private static long FillWithoutBlocking(Socket client, int total)
    {
        client.Blocking = false;
        var chunk = new byte[16 * 1024];
        long accepted = 0;
        var clock = Stopwatch.StartNew();
        // Keep offering bytes for a while: loopback moves buffered bytes on asynchronously.
        while (accepted < total && clock.ElapsedMilliseconds < 300)
        {
            int n = client.Send(chunk, 0, chunk.Length, SocketFlags.None, out SocketError error);
            if (error == SocketError.WouldBlock) { Thread.Sleep(5); continue; }
            error.Should().Be(SocketError.Success);
            accepted += n;
        }
        client.Blocking = true;
        return accepted;
    }
}
