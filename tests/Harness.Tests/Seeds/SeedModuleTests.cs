using System.Numerics;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Harness.Tests.Seeds;

/// <summary>The one seed module: reference values, so a recorded seed replays the same draws forever.</summary>
public sealed class SeedModuleTests
{
    [Fact]
    public void Stable_hash_is_fnv1a_64_over_utf8() // reference values of FNV-1a 64
    {
        StableHash.Of("").Should().Be(0xcbf29ce484222325UL);
        StableHash.Of("a").Should().Be(0xaf63dc4c8601ec8cUL);
        StableHash.Of("foobar").Should().Be(0x85944171f73967e8UL);
        StableHash.Of("\u00e9").Should().Be(Fnv(0xC3, 0xA9), "over the UTF-8 bytes").And.NotBe(Fnv(0xE9), "not over UTF-16 code units");
    }

    private static ulong Fnv(params byte[] bytes)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var b in bytes) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    [Fact]
    public void SplitMix64_matches_the_reference_sequence()
    {
        var random = new SplitMix64(0);

        new[] { random.NextUInt64(), random.NextUInt64(), random.NextUInt64() }
            .Should().Equal(0xe220a8397b1dcdafUL, 0x6e789e6aa1b965f4UL, 0x06c45d188009454fUL);
    }

    [Fact]
    public void Bounded_draws_cover_the_range_and_nothing_else()
    {
        var random = new SplitMix64(1);

        Enumerable.Range(0, 2000).Select(_ => random.NextInclusive(-2, 2)).Distinct().Order().Should().Equal(-2, -1, 0, 1, 2);
        Enumerable.Range(0, 2000).Select(_ => random.NextInt(3)).Distinct().Order().Should().Equal(0, 1, 2);
        var big = BigInteger.Pow(2, 70) + 3;
        Enumerable.Range(0, 200).Select(_ => random.NextBelow(big)).Should().OnlyContain(v => v >= 0 && v < big);
        FluentActions.Invoking(() => random.NextInt(0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Sub_seeds_keep_the_step_case_ids_and_samples_were_made_with()
    {
        // Expansion derived a case's stream as Mix(Fnv(id) ^ Mix(genSeed)) before this module existed; fuzzed values
        // and the combination sample follow from it, so it must not move.
        static ulong Mix(ulong z) => SplitMix64.Mix(z);
        const string id = "features/io/a.feature:3";

        new Seed(424242).For(id).Value.Should().Be(Mix(StableHash.Of(id) ^ Mix(424242)));
        new Seed(7).For("payload", "EP").Should().Be(new Seed(7).For("payload").For("EP"));
        new[] { new Seed(7).For("payload", "EP"), new Seed(7).For("EP", "payload"), new Seed(8).For("payload", "EP"), new Seed(7).For(1UL) }
            .Should().OnlyHaveUniqueItems("order, seed and part all matter");
    }

    [Fact]
    public void Payload_is_deterministic_per_seed_and_a_prefix_of_a_longer_one()
    {
        PayloadGenerator.Generate(3, 1000).Should().Equal(PayloadGenerator.Generate(3, 1000));
        PayloadGenerator.Generate(3, 1000).Should().NotEqual(PayloadGenerator.Generate(4, 1000));
        PayloadGenerator.Generate(3, 13).Should().Equal(PayloadGenerator.Generate(3, 1000).Take(13));
        PayloadGenerator.Generate(0, 8).Should().Equal(BitConverter.GetBytes(0xe220a8397b1dcdafUL), "little-endian draws of the generator");
    }

    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("9223372036854775808", 9223372036854775808UL)] // 2^63: past long, still a seed
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void Seeds_parse_the_full_ulong_range(string text, ulong expected)
    {
        SeedText.TryParse(text, out var seed).Should().BeTrue();
        seed.Should().Be(expected);
        SeedText.ParseGenSeed(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("18446744073709551616")]
    [InlineData("-1")]
    [InlineData(" 1")]
    [InlineData("1e3")]
    [InlineData("+1")]
    public void A_bad_seed_is_one_message_naming_the_variable_and_the_range(string text) =>
        FluentActions.Invoking(() => SeedText.ParseGenSeed(text)).Should().Throw<FormatException>()
            .Which.Message.Should().Be($"CHAOS_GEN_SEED='{text}' is invalid; accepted: a non-negative integer (0..18446744073709551615), default 1");

    [Fact]
    public void Unset_is_seed_1() => SeedText.ParseGenSeed(null).Should().Be(SeedText.ParseGenSeed("")).And.Be(1UL);
}
