using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Latency;
using ChaosFeatures.EvilPeer.Toxics.ResetPeer;
using ChaosFeatures.EvilPeer.Toxics.Slicer;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Proxy;

/// <summary>The toxic proxy in front of a real server from a Debian package: redis-server, spoken to in its own protocol.</summary>
public sealed class RealServerTests
{
    [RequiresToolFact(RedisServer.Install, "redis-server")]
    public async Task Redis_answers_through_the_proxy_byte_for_byte_and_a_latency_toxic_delays_every_reply()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using var proxy = new ToxicProxy(new ToxicProxyOptions { Name = "redis", Upstream = redis.EndPoint.ToString() });
        await proxy.StartAsync();
        using Socket client = await ClientSocket.ConnectAsync(proxy.ListenEndpoint);

        (await Resp.CommandAsync(client, "PING")).Should().Be("+PONG");

        // A 1 MB value written in 7-byte slices and read back whole: nothing lost, duplicated or reordered on the way.
        byte[] value = ClientSocket.Payload(1_000_000);
        proxy.AddToxic(new SlicerOptions { Name = "slices", AverageSize = 7, Stream = ToxicStream.Upstream });
        await ClientSocket.SendAsync(client, Resp.Command("SET"u8.ToArray(), "big"u8.ToArray(), value));
        (await Resp.ReadLineAsync(client)).Should().Be("+OK");
        proxy.RemoveToxic("slices");
        await ClientSocket.SendAsync(client, Resp.Command("GET"u8.ToArray(), "big"u8.ToArray()));
        (await Resp.ReadLineAsync(client)).Should().Be($"${value.Length}");
        (await ClientSocket.ReadExactlyAsync(client, value.Length + 2)).Should().Equal([.. value, .. "\r\n"u8.ToArray()]);

        proxy.AddToxic(new LatencyOptions { Latency = 100, Stream = ToxicStream.Downstream });
        var roundTrip = Stopwatch.StartNew();
        (await Resp.CommandAsync(client, "PING")).Should().Be("+PONG");
        roundTrip.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(95), "every reply waits out the latency (less a timer tick)");
    }

    [RequiresToolFact(RedisServer.Install, "redis-server")]
    public async Task A_reset_peer_toxic_resets_the_redis_client_and_once_removed_redis_serves_again()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        await using var proxy = new ToxicProxy(new ToxicProxyOptions { Name = "redis", Upstream = redis.EndPoint.ToString() });
        await proxy.StartAsync();
        proxy.AddToxic(new ResetPeerOptions { Name = "rst", Timeout = 0, Stream = ToxicStream.Downstream });

        using (Socket doomed = await ClientSocket.ConnectAsync(proxy.ListenEndpoint))
        {
            await ClientSocket.SendAsync(doomed, Resp.Command("PING"u8.ToArray()));
            ReadOutcome outcome = await ClientSocket.ReadToEndAsync(doomed);
            outcome.End.Should().Be("reset", "the client must see a real RST, not a FIN");
            Encoding.ASCII.GetString(outcome.Bytes).Should().NotContain("PONG");
        }

        proxy.RemoveToxic("rst");
        using Socket client = await ClientSocket.ConnectAsync(proxy.ListenEndpoint);
        (await Resp.CommandAsync(client, "PING")).Should().Be("+PONG");
    }
}
