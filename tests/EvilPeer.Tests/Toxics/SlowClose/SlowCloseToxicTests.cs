using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics.SlowClose;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Toxics.SlowClose;

public sealed class SlowCloseToxicTests
{
    [Fact]
    public async Task Data_arrives_at_once_but_EOF_is_held_back()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.ServingOnRequest([1, 2, 3, 4]), 1, new SlowCloseOptions { Delay = 1000 });
        using Socket client = await harness.ConnectAsync();

        // The server answers (and closes) only on a request sent after the clock starts, so the held-back close cannot predate it.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await LoopbackClient.SendAsync(client, [1]);
        (await LoopbackClient.ReadExactlyAsync(client, 4)).Should().Equal(1, 2, 3, 4);
        TimeSpan dataAt = watch.Elapsed;
        ReadOutcome rest = await LoopbackClient.ReadToEndAsync(client);

        dataAt.Should().BeLessThan(TimeSpan.FromMilliseconds(800), "data passes at once; only the close waits 1000 ms");
        rest.End.Should().Be("eof");
        (dataAt + rest.Elapsed).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(980));
    }
}
