using System.Text;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>
/// FNV-1a 64 over UTF-8. Seeds derived from names must be the same on every machine and .NET
/// version, which <c>string.GetHashCode</c> (randomized per process) is not.
/// </summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string text)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= Prime;
        }
        return hash;
    }

    /// <summary>Mixes a seed into a hash so that nearby seeds give unrelated streams.</summary>
    public static ulong Combine(ulong hash, ulong seed) => SplitMix64.Mix(hash ^ SplitMix64.Mix(seed));
}
