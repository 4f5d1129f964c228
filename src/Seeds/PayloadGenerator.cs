namespace ChaosFeatures.Seeds;

/// <summary>
/// The one payload generator: an in-process peer, a forked peer (fault table <c>payloadSeed</c>) and an
/// in-memory stream all make their bytes here, so the same seed and length give the same bytes in each,
/// on every machine. A shorter payload is a prefix of a longer one from the same seed.
/// </summary>
public static class PayloadGenerator
{
    public static byte[] Generate(ulong seed, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var bytes = new byte[length];
        new SplitMix64(seed).NextBytes(bytes);
        return bytes;
    }
}
