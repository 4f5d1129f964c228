using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.EvilClients.Noise;

/// <summary>
/// Replay: send recorded bytes (a captured request, a valid frame) <see cref="Repeat"/> times in
/// <see cref="ChunkBytes"/> writes, <see cref="DelayMs"/> apart, then hold.
/// </summary>
public sealed record ReplayBehaviour : EvilClientBehaviour
{
    public const int MaxPayloadBytes = 16 * 1024 * 1024;
    public const int MaxRepeat = 1_000_000;

    /// <param name="payload">The bytes to replay, 1..16 MiB.</param>
    /// <param name="repeat">How many times, 1..1000000.</param>
    /// <param name="chunkBytes">Bytes per write, 0 = one write per repetition, up to 16 MiB.</param>
    /// <param name="delayMs">Pause between writes, 0..600000 ms.</param>
    /// <param name="holdMs">Hold after the last byte, 0..600000 ms.</param>
    public ReplayBehaviour(ReadOnlyMemory<byte> payload, int repeat = 1, int chunkBytes = 0, int delayMs = 0, int holdMs = 0)
    {
        new Validator("replay behaviour")
            .Range("replay.payload", payload.Length, 1, MaxPayloadBytes, "bytes")
            .Range("replay.repeat", repeat, 1, MaxRepeat)
            .Range("replay.chunk", chunkBytes, 0, MaxPayloadBytes, "bytes")
            .Range("replay.delay", delayMs, 0, EvilClientOptions.MaxDurationLimitMs, "ms")
            .Range("replay.hold", holdMs, 0, EvilClientOptions.MaxDurationLimitMs, "ms")
            .ThrowIfAny();
        Payload = payload;
        Repeat = repeat;
        ChunkBytes = chunkBytes;
        DelayMs = delayMs;
        HoldMs = holdMs;
    }

    public ReadOnlyMemory<byte> Payload { get; }
    public int Repeat { get; }
    public int ChunkBytes { get; }
    public int DelayMs { get; }
    public int HoldMs { get; }

    public override string Mode => "replay";

    internal override async Task RunAsync(ClientConnection connection, ClientRun run)
    {
        int chunk = ChunkBytes == 0 ? Payload.Length : ChunkBytes;
        bool first = true;
        for (int round = 0; round < Repeat; round++)
        {
            for (int offset = 0; offset < Payload.Length; offset += chunk)
            {
                if (!first && !await connection.DelayAsync(DelayMs, "chunk")) return;
                first = false;
                if (!await connection.SendAsync(Payload.Slice(offset, Math.Min(chunk, Payload.Length - offset)))) return;
            }
        }
        if (HoldMs > 0) await connection.HoldAsync(HoldMs);
    }
}
