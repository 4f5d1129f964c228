using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics.Corrupt;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Toxics.Corrupt;

public sealed class CorruptToxicTests
{
    [Fact]
    public async Task Flips_exactly_the_configured_bit_at_the_configured_offset()
    {
        byte[] payload = LoopbackClient.Payload(50_000);
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Serving(payload), 1, new CorruptOptions { Offset = 40_000, Bit = 5 });
        using Socket client = await harness.ConnectAsync();

        byte[] received = (await LoopbackClient.ReadToEndAsync(client)).Bytes;

        byte[] expected = (byte[])payload.Clone();
        expected[40_000] ^= 1 << 5;
        received.Should().Equal(expected);
    }

    [Fact]
    public async Task Rate_mode_flips_the_same_bits_for_the_same_seed_and_others_for_another()
    {
        byte[] payload = LoopbackClient.Payload(200_000);
        int[] first = await FlippedOffsets(payload, seed: 11);
        int[] again = await FlippedOffsets(payload, seed: 11);
        int[] other = await FlippedOffsets(payload, seed: 12);

        first.Should().NotBeEmpty().And.Equal(again);
        other.Should().NotEqual(first);
    }

    private static async Task<int[]> FlippedOffsets(byte[] payload, ulong seed)
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Serving(payload), seed, new CorruptOptions { Rate = 0.0005 });
        using Socket client = await harness.ConnectAsync();
        byte[] received = (await LoopbackClient.ReadToEndAsync(client)).Bytes;
        received.Length.Should().Be(payload.Length);
        return Enumerable.Range(0, payload.Length).Where(i => received[i] != payload[i]).ToArray();
    }
}
