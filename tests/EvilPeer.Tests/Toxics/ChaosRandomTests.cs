using ChaosFeatures.EvilPeer.Randomness;

namespace ChaosFeatures.EvilPeer.Tests.Toxics;

/// <summary>Lives beside the toxics it seeds; the golden values come from the reference xoshiro256** and SplitMix64.</summary>
public sealed class ChaosRandomTests
{
    [Fact]
    public void Produces_the_reference_sequence_so_recorded_seeds_replay_forever()
    {
        var random = new ChaosRandom(42);

        new[] { random.NextUInt64(), random.NextUInt64(), random.NextUInt64() }
            .Should().Equal(0x15780b2e0c2ec716UL, 0x6104d9866d113a7eUL, 0xae17533239e499a1UL);
    }

    [Fact]
    public void Inclusive_ranges_cover_both_ends_and_nothing_else()
    {
        var random = new ChaosRandom(1);
        long[] draws = Enumerable.Range(0, 2000).Select(_ => random.NextInclusive(-2, 2)).ToArray();

        draws.Distinct().Order().Should().Equal(-2, -1, 0, 1, 2);
    }

    [Fact]
    public void Toxic_seeds_differ_by_connection_stream_and_name()
    {
        ulong baseline = SeedMixer.ForToxic(1, 1, 0, "latency_downstream", "toxicity");

        new[]
        {
            SeedMixer.ForToxic(1, 2, 0, "latency_downstream", "toxicity"),
            SeedMixer.ForToxic(1, 1, 1, "latency_downstream", "toxicity"),
            SeedMixer.ForToxic(1, 1, 0, "latency_upstream", "toxicity"),
            SeedMixer.ForToxic(2, 1, 0, "latency_downstream", "toxicity"),
        }.Should().NotContain(baseline).And.OnlyHaveUniqueItems();
        SeedMixer.ForToxic(1, 1, 0, "latency_downstream", "toxicity").Should().Be(baseline);
    }
}
