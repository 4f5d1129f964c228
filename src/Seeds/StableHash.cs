using System.Text;

namespace ChaosFeatures.Seeds;

/// <summary>
/// The one stable string hash: FNV-1a 64 over UTF-8. Seeds, shards and file names derived from names must be the
/// same on every machine and .NET version, which <c>string.GetHashCode</c> (randomised per process) is not.
/// Test case shards (<c>CHAOS_SHARD</c>) hash case ids with it: changing it moves every case to another shard.
/// </summary>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= Prime;
        }
        return hash;
    }
}
