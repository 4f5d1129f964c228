using System.Buffers.Binary;
using System.Numerics;

namespace ChaosFeatures.Seeds;

/// <summary>
/// The one seeded generator (SplitMix64, Steele, Lea and Flood 2014). Written out rather than using
/// <see cref="System.Random"/> because the BCL's seeded sequence is an implementation detail, and a recorded
/// seed must replay the same draws forever. Draws are unbiased (rejection sampling). Not thread-safe: one per user.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>Uniform in [0, bound); bound must be positive.</summary>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        // The lowest 2^64 mod bound values would make the low residues more likely: draw again.
        // (Test case ids depend on this exact rule through the combination sampler: do not change it.)
        var threshold = (0 - bound) % bound;
        while (true)
        {
            var value = NextUInt64();
            if (value >= threshold)
                return value % bound;
        }
    }

    /// <summary>Uniform in [0, bound) for combination counts beyond 64 bits.</summary>
    public BigInteger NextBelow(BigInteger bound)
    {
        if (bound.Sign <= 0) throw new ArgumentOutOfRangeException(nameof(bound), bound, "bound must be positive");
        if (bound <= ulong.MaxValue)
            return NextBelow((ulong)bound);
        var bits = (int)bound.GetBitLength();
        var mask = (BigInteger.One << bits) - 1;
        var bytes = new byte[(bits + 63) / 64 * 8];
        while (true)
        {
            for (var offset = 0; offset < bytes.Length; offset += 8)
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(offset), NextUInt64());
            var value = new BigInteger(bytes, isUnsigned: true) & mask;
            if (value < bound)
                return value;
        }
    }

    /// <summary>Uniform in [0, bound); bound must be positive.</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        return (int)NextBelow((ulong)bound);
    }

    /// <summary>Uniform in [min, max] (inclusive); <paramref name="max"/> at or below <paramref name="min"/> gives min.</summary>
    public long NextInclusive(long min, long max)
    {
        if (max <= min) return min;
        var range = (ulong)(max - min) + 1;
        if (range == 0) return (long)NextUInt64(); // the full 64-bit range
        return min + (long)NextBelow(range);
    }

    /// <summary>Uniform in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Fills with draws, each little-endian, so a prefix of a longer fill is the shorter fill.</summary>
    public void NextBytes(Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i += 8)
        {
            var word = NextUInt64();
            for (var j = 0; j < 8 && i + j < destination.Length; j++)
                destination[i + j] = (byte)(word >> (8 * j));
        }
    }

    /// <summary>SplitMix64's finalizer: a bijection that spreads every input bit over the output.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
