using System.Text;

namespace ChaosFeatures.Harness.Seeds;

/// <summary>Process-independent hashing for seed derivation: FNV-1a 64 over UTF-8, mixed with SplitMix64's finalizer.</summary>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Fnv1a64(string text)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= Prime;
        }
        return hash;
    }

    /// <summary>Order-sensitive combination; each step is avalanched so nearby inputs give unrelated seeds.</summary>
    public static ulong Combine(params ulong[] values)
    {
        var hash = OffsetBasis;
        foreach (var v in values) hash = SplitMix64.Mix(hash ^ v) * Prime;
        return SplitMix64.Mix(hash);
    }
}
