using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.ResetPeer;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Toxics.ResetPeer;

public sealed class ResetPeerToxicTests
{
    [Theory]
    [InlineData(ToxicStream.Downstream)]
    [InlineData(ToxicStream.Upstream)]
    public async Task Resets_the_client_after_first_data_and_the_timeout(ToxicStream stream)
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new ResetPeerOptions { Timeout = 150, Stream = stream });
        using Socket client = await harness.ConnectAsync();
        // Timed from before the send: the timeout runs from the first data, which cannot reach the proxy earlier.
        var sinceSend = System.Diagnostics.Stopwatch.StartNew();
        await LoopbackClient.SendAsync(client, [1, 2, 3]);

        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client);

        outcome.End.Should().Be("reset");
        outcome.Bytes.Should().BeEmpty();
        sinceSend.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(145), "a timer tick of slack");
        harness.Sink.Named("rst").Should().ContainSingle();
    }

    [Theory]
    [InlineData(ToxicStream.Downstream)]
    [InlineData(ToxicStream.Upstream)]
    public async Task Added_mid_connection_it_is_still_a_real_RST(ToxicStream stream)
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo());
        using Socket client = await harness.ConnectedEchoAsync();

        harness.Proxy.AddToxic(new ResetPeerOptions { Timeout = 100, Stream = stream });
        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client);

        outcome.End.Should().Be("reset", "Toxiproxy gives a FIN here; we promise a real reset");
    }
}
