namespace ChaosFeatures.EvilPeer.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Written out here rather than using
/// <see cref="System.Random"/> because the BCL may change its algorithm between .NET versions,
/// and a recorded seed must replay the same draws forever. Not thread-safe: one per consumer.
/// </summary>
public sealed class ChaosRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public ChaosRandom(ulong seed)
    {
        _s0 = SeedMixer.SplitMix64(ref seed);
        _s1 = SeedMixer.SplitMix64(ref seed);
        _s2 = SeedMixer.SplitMix64(ref seed);
        _s3 = SeedMixer.SplitMix64(ref seed);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max] (inclusive), without modulo bias.</summary>
    public long NextInclusive(long min, long max)
    {
        if (max <= min) return min;
        ulong range = (ulong)(max - min) + 1;
        if (range == 0) return (long)NextUInt64(); // the full 64-bit range
        ulong limit = ulong.MaxValue - ulong.MaxValue % range;
        ulong draw;
        do draw = NextUInt64(); while (draw >= limit);
        return min + (long)(draw % range);
    }
}
