using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics.LimitData;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Toxics.LimitData;

public sealed class LimitDataToxicTests
{
    [Fact]
    public async Task Exactly_the_limit_arrives_then_EOF()
    {
        byte[] payload = LoopbackClient.Payload(100_000);
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Serving(payload), 1, new LimitDataOptions { Bytes = 12_345 });
        using Socket client = await harness.ConnectAsync();

        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client);

        outcome.End.Should().Be("eof");
        outcome.Bytes.Should().Equal(payload.Take(12_345));
    }
}
