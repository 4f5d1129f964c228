using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Bandwidth;
using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Toxics.Bandwidth;

public sealed class BandwidthToxicTests
{
    [Fact]
    public async Task Paces_the_download_to_the_rate()
    {
        byte[] payload = LoopbackClient.Payload(150_000);
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.ServingOnRequest(payload), 1, new BandwidthOptions { Rate = 500 });
        using Socket client = await harness.ConnectAsync();

        // Timed from before the request that starts the answer: the pacing cannot have begun earlier.
        ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client, request: [1]);

        outcome.End.Should().Be("eof");
        outcome.Bytes.Should().Equal(payload);
        // 150 KB at 500 KB/s = 300 ms; the bounds are generous because the machine is shared.
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(270)).And.BeLessThan(TimeSpan.FromSeconds(3));
        outcome.Reads.Should().BeGreaterThan(1, "paced data arrives in slices, not in one burst");
    }

    [Fact]
    public async Task Rate_zero_stalls_the_direction_until_the_toxic_is_removed_then_delivers_everything()
    {
        byte[] payload = LoopbackClient.Payload(10_000);
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Serving(payload), 1, new BandwidthOptions { Rate = 0 });
        using Socket client = await harness.ConnectAsync();

        ReadOutcome stalled = await LoopbackClient.ReadToEndAsync(client, TimeSpan.FromMilliseconds(500));
        stalled.End.Should().Be("timeout");
        stalled.Bytes.Should().BeEmpty("rate 0 holds the data");

        harness.Proxy.RemoveToxic("bandwidth_downstream").Should().BeTrue();
        ReadOutcome after = await LoopbackClient.ReadToEndAsync(client);
        after.End.Should().Be("eof");
        after.Bytes.Should().Equal(payload);
    }

    [Fact]
    public void A_negative_rate_is_a_validation_error()
    {
        Action validate = () => new BandwidthOptions { Rate = -1 }.Validate();

        validate.Should().Throw<OptionsValidationException>().Which.Errors.Should()
            .ContainSingle().Which.Should().Be("bandwidth.rate: -1 is out of range 0..10000000 KB/s (0 stalls until removed)");
    }
}
