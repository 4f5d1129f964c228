using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Bandwidth;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Tests.Toxics;

public sealed class BandwidthToxicTests
{
    [Fact]
    public async Task Paces_the_download_to_the_rate()
    {
        byte[] payload = ClientSocket.Payload(150_000);
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.ServingOnRequest(payload), 1, new BandwidthOptions { Rate = 500 });
        using Socket client = await harness.ConnectAsync();

        // Timed from before the request that starts the answer: the pacing cannot have begun earlier.
        ReadOutcome outcome = await ClientSocket.ReadToEndAsync(client, request: [1]);

        outcome.End.Should().Be("eof");
        outcome.Bytes.Should().Equal(payload);
        // 150 KB at 500 KB/s = 300 ms; the bounds are generous because the machine is shared.
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(270)).And.BeLessThan(TimeSpan.FromSeconds(3));
        outcome.Reads.Should().BeGreaterThan(1, "paced data arrives in slices, not in one burst");
    }

    [Fact]
    public void Rate_zero_is_a_validation_error_not_a_hang()
    {
        Action validate = () => new BandwidthOptions { Rate = 0 }.Validate();

        validate.Should().Throw<OptionsValidationException>().Which.Errors.Should()
            .ContainSingle().Which.Should().Be("bandwidth.rate: 0 is out of range 1..10000000 KB/s (use the timeout toxic to block)");
    }
}
