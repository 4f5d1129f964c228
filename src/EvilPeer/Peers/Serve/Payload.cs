namespace ChaosFeatures.EvilPeer.Peers.Serve;

/// <summary>Deterministic payload bytes, so a forked peer and its parent agree on them from a seed.</summary>
public static class Payload
{
    /// <summary>
    /// <paramref name="size"/> bytes from a seeded <see cref="Random"/>; the seeded algorithm is
    /// stable across .NET versions, so the same size and seed always give the same bytes.
    /// </summary>
    public static byte[] Generate(int size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
