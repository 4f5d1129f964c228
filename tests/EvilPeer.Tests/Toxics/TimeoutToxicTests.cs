using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics.Timeout;

namespace ChaosFeatures.EvilPeer.Tests.Toxics;

public sealed class TimeoutToxicTests
{
    [Fact]
    public async Task Drops_all_data_then_closes_after_the_timeout()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new TimeoutOptions { Timeout = 300 });
        using Socket client = await harness.ConnectAsync();
        await ClientSocket.SendAsync(client, [1, 2, 3]);

        ReadOutcome outcome = await ClientSocket.ReadToEndAsync(client);

        outcome.Bytes.Should().BeEmpty();
        outcome.End.Should().Be("eof");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Timeout_zero_holds_the_connection_open_and_silent()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new TimeoutOptions { Timeout = 0 });
        using Socket client = await harness.ConnectAsync();
        await ClientSocket.SendAsync(client, [1, 2, 3]);

        ReadOutcome outcome = await ClientSocket.ReadToEndAsync(client, TimeSpan.FromMilliseconds(600));

        outcome.End.Should().Be("timeout");
        outcome.Bytes.Should().BeEmpty();
        harness.Proxy.ConnectionCount.Should().Be(1);
    }
}
