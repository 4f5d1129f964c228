using System.Diagnostics;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics.Timeout;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Toxics.Timeout;

public sealed class TimeoutToxicTests
{
    [Fact]
    public async Task Drops_all_data_then_closes_after_the_timeout()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new TimeoutOptions { Timeout = 300 });
        // Timed from before the connect: the toxic's timer starts when the proxy accepts, so it cannot have begun
        // earlier (a clock started when the client begins to read loses the connect and the send on a busy machine).
        var sinceConnect = Stopwatch.StartNew();
        using Socket client = await harness.ConnectAsync();
        await LoopbackClient.SendAsync(client, [1, 2, 3]);

        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client);

        outcome.Bytes.Should().BeEmpty();
        outcome.End.Should().Be("eof");
        // The exact 300 ms is VirtualTimeToxicTests' to check; here only that it is not cut short (a timer tick of slack).
        sinceConnect.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(295));
    }

    [Fact]
    public async Task Timeout_zero_holds_the_connection_open_and_silent()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new TimeoutOptions { Timeout = 0 });
        using Socket client = await harness.ConnectAsync();
        await LoopbackClient.SendAsync(client, [1, 2, 3]);

        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client, TimeSpan.FromMilliseconds(600));

        outcome.End.Should().Be("timeout");
        outcome.Bytes.Should().BeEmpty();
        harness.Proxy.ConnectionCount.Should().Be(1);
    }

    [Fact]
    public async Task Removing_it_closes_the_connection_rather_than_resume_a_stream_with_a_hole()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new TimeoutOptions { Timeout = 0 });
        using Socket client = await harness.ConnectAsync();
        await LoopbackClient.SendAsync(client, [1, 2, 3]);
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); harness.Sink.Named("drop").Count == 0; await Task.Delay(10))
            waited.Elapsed.Should().BeLessThan(LoopbackClient.Bound, "the toxic drops the bytes once the connection is up");

        harness.Proxy.RemoveToxic("timeout_downstream").Should().BeTrue();

        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client);
        outcome.End.Should().Be("eof");
        outcome.Bytes.Should().BeEmpty();
    }

    [Fact]
    public async Task Replacing_it_with_new_attributes_keeps_the_connection()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new TimeoutOptions { Timeout = 0 });
        using Socket client = await harness.ConnectAsync();

        harness.Proxy.UpdateToxic(new TimeoutOptions { Timeout = 0 });

        (await LoopbackClient.ReadToEndAsync(client, TimeSpan.FromMilliseconds(400))).End.Should().Be("timeout");
        harness.Proxy.ConnectionCount.Should().Be(1);
    }
}
