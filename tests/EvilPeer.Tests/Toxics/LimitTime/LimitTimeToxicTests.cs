using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.LimitTime;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Toxics.LimitTime;

public sealed class LimitTimeToxicTests
{
    [Theory]
    [InlineData(CloseMode.Fin, "eof")]
    [InlineData(CloseMode.Rst, "reset")]
    public async Task Cuts_the_connection_while_data_still_flows(CloseMode close, string expectedEnd)
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Streaming(), 1, new LimitTimeOptions { Time = 300, Close = close });
        var watch = System.Diagnostics.Stopwatch.StartNew(); // the limit runs from the proxy's accept, so the clock starts before connect
        using Socket client = await harness.ConnectAsync();
        await LoopbackClient.ReadExactlyAsync(client, 256); // data is flowing before the limit hits

        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client);

        outcome.End.Should().Be(expectedEnd);
        watch.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(250)).And.BeLessThan(TimeSpan.FromSeconds(3));
    }
}
