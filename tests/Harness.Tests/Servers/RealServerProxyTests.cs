using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Latency;
using ChaosFeatures.EvilPeer.Toxics.ResetPeer;
using ChaosFeatures.EvilPeer.Toxics.Slicer;
using ChaosFeatures.Harness.Servers;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Harness.Tests.Servers;

/// <summary>The toxic proxy in front of a real redis-server (Debian's package), spoken to in its own protocol.</summary>
public sealed class RealServerProxyTests
{
    private const string Install = "apt-get install redis-server";

    [RequiresToolFact(Install, "redis-server")]
    public async Task Redis_answers_through_the_proxy_byte_for_byte_and_a_latency_toxic_delays_every_reply()
    {
        await using RealServer redis = await RealServer.StartAsync(RealServerKind.Redis, CancellationToken.None);
        await using var proxy = new ToxicProxy(new ToxicProxyOptions { Name = "redis", Upstream = redis.EndPoint.ToString() });
        await proxy.StartAsync();
        using Socket client = await ConnectAsync(proxy.ListenEndpoint);

        (await Resp.CommandAsync(client, "PING")).Should().Be("+PONG");

        // A 1 MB value written in 7-byte slices and read back whole: nothing lost, duplicated or reordered on the way.
        var value = new byte[1_000_000];
        new Random(7).NextBytes(value);
        proxy.AddToxic(new SlicerOptions { Name = "slices", AverageSize = 7, Stream = ToxicStream.Upstream });
        await Resp.SendAsync(client, Resp.Command("SET"u8.ToArray(), "big"u8.ToArray(), value));
        (await Resp.ReadLineAsync(client)).Should().Be("+OK");
        proxy.RemoveToxic("slices");
        await Resp.SendAsync(client, Resp.Command("GET"u8.ToArray(), "big"u8.ToArray()));
        (await Resp.ReadLineAsync(client)).Should().Be($"${value.Length}");
        (await Resp.ReadExactlyAsync(client, value.Length + 2)).Should().Equal([.. value, .. "\r\n"u8.ToArray()]);

        proxy.AddToxic(new LatencyOptions { Latency = 100, Stream = ToxicStream.Downstream });
        var roundTrip = Stopwatch.StartNew();
        (await Resp.CommandAsync(client, "PING")).Should().Be("+PONG");
        roundTrip.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(95), "every reply waits out the latency (less a timer tick)");
    }

    [RequiresToolFact(Install, "redis-server")]
    public async Task A_reset_peer_toxic_resets_the_redis_client_and_once_removed_redis_serves_again()
    {
        await using RealServer redis = await RealServer.StartAsync(RealServerKind.Redis, CancellationToken.None);
        await using var proxy = new ToxicProxy(new ToxicProxyOptions { Name = "redis", Upstream = redis.EndPoint.ToString() });
        await proxy.StartAsync();
        proxy.AddToxic(new ResetPeerOptions { Name = "rst", Timeout = 0, Stream = ToxicStream.Downstream });

        using (Socket doomed = await ConnectAsync(proxy.ListenEndpoint))
        {
            await Resp.SendAsync(doomed, Resp.Command("PING"u8.ToArray()));
            Func<Task> read = () => Resp.ReadLineAsync(doomed);
            (await read.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionReset,
                "the client must see a real RST, not a FIN or a reply");
        }

        proxy.RemoveToxic("rst");
        using Socket client = await ConnectAsync(proxy.ListenEndpoint);
        (await Resp.CommandAsync(client, "PING")).Should().Be("+PONG");
    }

    [RequiresToolFact(Install, "redis-server")]
    public async Task A_stopped_server_is_gone_with_its_folder_and_its_port_refuses()
    {
        RealServer redis = await RealServer.StartAsync(RealServerKind.Redis, CancellationToken.None);
        (IPEndPoint endPoint, string folder) = (redis.EndPoint, redis.Folder);
        File.Exists(Path.Combine(folder, "server.log")).Should().BeTrue("the server logs into its own folder");

        await redis.DisposeAsync();

        Directory.Exists(folder).Should().BeFalse();
        Func<Task> connect = () => ConnectAsync(endPoint);
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
    }

    [RequiresToolFact(Install, "redis-server")]
    public async Task A_server_that_cannot_start_is_reported_at_once_with_its_log_and_leaves_nothing()
    {
        var broken = RealServerKind.Redis with { Name = "broken-redis", Arguments = (port, folder) =>
            [.. RealServerKind.Redis.Arguments(port, folder), "--no-such-option", "yes"] };
        string[] before = Directory.GetDirectories(Path.GetTempPath(), RealServer.TempFolderPrefix(broken) + "*");
        var clock = Stopwatch.StartNew();

        Func<Task> start = () => RealServer.StartAsync(broken, CancellationToken.None);

        (await start.Should().ThrowAsync<InvalidOperationException>()).WithMessage("redis-server exited before it listened on *no-such-option*");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "a server that exits is not waited for until the start bound");
        Directory.GetDirectories(Path.GetTempPath(), RealServer.TempFolderPrefix(broken) + "*").Should().BeEquivalentTo(before);
    }

    private static async Task<Socket> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await socket.ConnectAsync(endPoint, timeout.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
