using ChaosFeatures.Seeds;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.EvilClients.Noise;

/// <summary>
/// Garbage: <see cref="Bytes"/> seeded random bytes in <see cref="ChunkBytes"/> writes,
/// <see cref="DelayMs"/> apart, then a hold. Connection N draws from
/// <c>new Seed(seed).For(N)</c>, so a run's bytes replay exactly from its seed.
/// </summary>
public sealed record RandomBytesBehaviour : EvilClientBehaviour
{
    public const long MaxBytes = 16L * 1024 * 1024 * 1024;
    public const int MaxChunkBytes = 1024 * 1024;

    /// <param name="bytes">How many, 1..16 GiB.</param>
    /// <param name="chunkBytes">Bytes per write, 1..1048576.</param>
    /// <param name="delayMs">Pause between writes, 0..600000 ms.</param>
    /// <param name="holdMs">Hold after the last byte, 0..600000 ms.</param>
    public RandomBytesBehaviour(long bytes, int chunkBytes = 1024, int delayMs = 0, int holdMs = 0)
    {
        new Validator("random bytes behaviour")
            .Range("random.bytes", bytes, 1, MaxBytes, "bytes")
            .Range("random.chunk", chunkBytes, 1, MaxChunkBytes, "bytes")
            .Range("random.delay", delayMs, 0, EvilClientOptions.MaxDurationLimitMs, "ms")
            .Range("random.hold", holdMs, 0, EvilClientOptions.MaxDurationLimitMs, "ms")
            .ThrowIfAny();
        Bytes = bytes;
        ChunkBytes = chunkBytes;
        DelayMs = delayMs;
        HoldMs = holdMs;
    }

    public long Bytes { get; }
    public int ChunkBytes { get; }
    public int DelayMs { get; }
    public int HoldMs { get; }

    public override string Mode => "random";

    /// <summary>The first <paramref name="count"/> bytes connection <paramref name="connectionId"/> of a client seeded <paramref name="seed"/> sends.</summary>
    public static byte[] Draw(ulong seed, long connectionId, int count)
    {
        var random = new Seed(seed).For((ulong)connectionId).Generator();
        var bytes = new byte[count];
        Fill(random, bytes);
        return bytes;
    }

    internal override async Task RunAsync(ClientConnection connection, ClientRun run)
    {
        var random = new Seed(run.Options.Seed).For((ulong)connection.Id).Generator();
        var chunk = new byte[(int)Math.Min(ChunkBytes, Bytes)];
        for (long sent = 0; sent < Bytes;)
        {
            if (sent > 0 && !await connection.DelayAsync(DelayMs, "chunk")) return;
            int n = (int)Math.Min(chunk.Length, Bytes - sent);
            Fill(random, chunk.AsSpan(0, n));
            if (!await connection.SendAsync(chunk.AsMemory(0, n))) return;
            sent += n;
        }
        if (HoldMs > 0) await connection.HoldAsync(HoldMs);
    }

    private static void Fill(SplitMix64 random, Span<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(random.NextUInt64() >> 56);
    }
}
