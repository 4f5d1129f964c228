namespace ChaosFeatures.Harness.Seeds;

/// <summary>Deterministic payload bytes: the same seed and length give the same bytes on every machine.</summary>
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
