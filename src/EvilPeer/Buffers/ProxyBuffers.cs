using System.Buffers;

namespace ChaosFeatures.EvilPeer.Buffers;

/// <summary>
/// The proxy's read buffers and chunk copies. <see cref="ArrayPool{T}.Shared"/> keeps only a few arrays per size and
/// core, and a delaying toxic holds a chunk of every connection at once (1,000 connections behind a 50 ms latency keep
/// about 2,000 chunks in flight): the shared pool then allocates most of them, 80 MB/s at 4 KB every 50 ms per
/// connection, and the collections that follow stalled the control API for hundreds of milliseconds. Arrays up to
/// <see cref="PooledUpTo"/> come from a pool sized for that many; larger ones (bulk reads) from the shared pool, which
/// keeps them across a burst well enough and need not hold them all once the burst is over.
/// </summary>
internal static class ProxyBuffers
{
    /// <summary>The largest array length this pool keeps: the proxy's first read buffer.</summary>
    public const int PooledUpTo = 64 * 1024;

    /// <summary>Per size: enough for two directions of 1,000 busy connections, a bound on what an idle proxy keeps.</summary>
    private const int ArraysPerSize = 2048;

    private static readonly ArrayPool<byte> Small = ArrayPool<byte>.Create(PooledUpTo, ArraysPerSize);

    public static byte[] Rent(int length) => length <= PooledUpTo ? Small.Rent(length) : ArrayPool<byte>.Shared.Rent(length);

    /// <summary>Routed by length: this pool's arrays are powers of two up to <see cref="PooledUpTo"/>, the shared pool's larger ones are longer.</summary>
    public static void Return(byte[] buffer)
    {
        if (buffer.Length <= PooledUpTo) Small.Return(buffer);
        else ArrayPool<byte>.Shared.Return(buffer);
    }
}
