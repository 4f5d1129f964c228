namespace ChaosFeatures.EvilPeer.Randomness;

/// <summary>
/// Derives independent, stable sub-seeds from a root seed and the identity of who draws
/// (connection, direction, toxic name, purpose). Uses its own string hash because
/// <see cref="string.GetHashCode()"/> is randomized per process.
/// </summary>
public static class SeedMixer
{
    public static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public static ulong Mix(ulong seed, ulong value)
    {
        // Scramble the seed before folding the value in: a bare seed ^ value would make
        // (seed 1, connection 2) and (seed 2, connection 1) the same generator.
        ulong state = seed;
        state = SplitMix64(ref state) ^ value;
        return SplitMix64(ref state);
    }

    public static ulong Mix(ulong seed, string value)
    {
        // FNV-1a over UTF-16 code units: stable across processes and .NET versions.
        ulong hash = 0xCBF29CE484222325;
        foreach (char c in value)
        {
            hash ^= c;
            hash *= 0x100000001B3;
        }
        return Mix(seed, hash);
    }

    /// <summary>The seed of one toxic's generator on one connection direction.</summary>
    public static ulong ForToxic(ulong proxySeed, long connectionId, int stream, string toxicName, string purpose) =>
        Mix(Mix(Mix(Mix(proxySeed, (ulong)connectionId), (ulong)stream), toxicName), purpose);
}
