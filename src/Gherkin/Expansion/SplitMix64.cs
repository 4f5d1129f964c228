using System.Buffers.Binary;
using System.Numerics;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>
/// Our own PRNG (Steele, Lea, Flood 2014) so generated values never change with the framework's
/// <c>System.Random</c> implementation. Draws are unbiased (rejection sampling).
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next() => Mix(_state += 0x9E3779B97F4A7C15);

    /// <summary>Uniform in [0, bound); bound must be positive.</summary>
    public ulong NextBelow(ulong bound)
    {
        // Values below 2^64 mod bound would make the low residues more likely.
        var threshold = (0 - bound) % bound;
        while (true)
        {
            var value = Next();
            if (value >= threshold)
                return value % bound;
        }
    }

    /// <summary>Uniform in [0, bound) for combination counts beyond 64 bits.</summary>
    public BigInteger NextBelow(BigInteger bound)
    {
        if (bound <= ulong.MaxValue)
            return NextBelow((ulong)bound);
        var bits = (int)bound.GetBitLength();
        var mask = (BigInteger.One << bits) - 1;
        var bytes = new byte[(bits + 63) / 64 * 8];
        while (true)
        {
            for (var offset = 0; offset < bytes.Length; offset += 8)
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(offset), Next());
            var value = new BigInteger(bytes, isUnsigned: true) & mask;
            if (value < bound)
                return value;
        }
    }

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
