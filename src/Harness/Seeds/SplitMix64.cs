namespace ChaosFeatures.Harness.Seeds;

/// <summary>
/// A tiny seeded PRNG whose sequence is fixed by its algorithm, not by the runtime version
/// (System.Random's seeded sequence is an implementation detail). Not thread-safe: one per user.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>Uniform in [0, bound) by rejection, so small bounds carry no modulo bias.</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)bound;
        ulong x;
        do x = NextUInt64(); while (x >= limit);
        return (int)(x % (ulong)bound);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public void NextBytes(Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i += 8)
        {
            var word = NextUInt64();
            for (var j = 0; j < 8 && i + j < destination.Length; j++)
                destination[i + j] = (byte)(word >> (8 * j));
        }
    }

    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
