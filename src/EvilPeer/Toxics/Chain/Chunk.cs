using ChaosFeatures.EvilPeer.Buffers;

namespace ChaosFeatures.EvilPeer.Toxics.Chain;

/// <summary>
/// A piece of one direction's byte stream on its way through the chain. The buffer is rented
/// from <see cref="ProxyBuffers"/> and owned by whoever holds the chunk: a stage either
/// passes it on or releases it, never both.
/// </summary>
/// <param name="DueAt">TimeProvider timestamp before which the writer must not send it: the arrival time, moved later by delaying toxics.</param>
internal readonly record struct Chunk(byte[]? Buffer, int Length, long DueAt, ChunkKind Kind = ChunkKind.Data, CloseMode CloseMode = CloseMode.Fin)
{
    /// <summary>Which chain change the chunk was queued under; older chunks skip their wait after a removal.</summary>
    public int Epoch { get; init; }

    public Memory<byte> Data => Buffer.AsMemory(0, Length);

    public static Chunk CopyOf(ReadOnlySpan<byte> data, long dueAt)
    {
        byte[] buffer = ProxyBuffers.Rent(data.Length);
        data.CopyTo(buffer);
        return new Chunk(buffer, data.Length, dueAt);
    }

    public static Chunk Fin(long dueAt) => new(null, 0, dueAt, ChunkKind.Fin);

    public static Chunk Close(long dueAt, CloseMode mode) => new(null, 0, dueAt, ChunkKind.Close, mode);

    public void Release()
    {
        if (Buffer is not null) ProxyBuffers.Return(Buffer);
    }
}
