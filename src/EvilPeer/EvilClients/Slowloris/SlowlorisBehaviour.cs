using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.EvilPeer.EvilClients.Slowloris;

/// <summary>
/// Send a request at a trickle: <see cref="ChunkBytes"/> at a time, paced to <see cref="BytesPerSecond"/>
/// on the injected clock, stopping as soon as the server closes. A server that only times out idle
/// connections keeps a slowloris alive forever; one with a request deadline cuts it off. After the
/// last byte the connection is held for <see cref="HoldMs"/>.
/// </summary>
public sealed record SlowlorisBehaviour : EvilClientBehaviour
{
    public const int MaxPayloadBytes = 16 * 1024 * 1024;
    public const int MaxChunkBytes = 64 * 1024;
    public const int MaxBytesPerSecond = 10_000_000;

    /// <param name="payload">The bytes to trickle (1..16 MiB), e.g. a request that never quite ends.</param>
    /// <param name="bytesPerSecond">Pace, 1..chunkBytes*1000 bytes/s (at most one chunk per millisecond).</param>
    /// <param name="chunkBytes">Bytes per write, 1..65536.</param>
    /// <param name="holdMs">Hold after the last byte, 0..600000 ms.</param>
    public SlowlorisBehaviour(ReadOnlyMemory<byte> payload, int bytesPerSecond, int chunkBytes = 1, int holdMs = 0)
    {
        var check = new Validator("slowloris behaviour")
            .Range("slowloris.payload", payload.Length, 1, MaxPayloadBytes, "bytes")
            .Range("slowloris.chunk", chunkBytes, 1, MaxChunkBytes, "bytes")
            .Range("slowloris.hold", holdMs, 0, EvilClientOptions.MaxDurationLimitMs, "ms");
        if (chunkBytes is >= 1 and <= MaxChunkBytes)
            check.Range("slowloris.rate", bytesPerSecond, 1, Math.Min(MaxBytesPerSecond, chunkBytes * 1000L), $"bytes/s for {chunkBytes}-byte chunks");
        check.ThrowIfAny();
        Payload = payload;
        BytesPerSecond = bytesPerSecond;
        ChunkBytes = chunkBytes;
        HoldMs = holdMs;
    }

    public ReadOnlyMemory<byte> Payload { get; }
    public int BytesPerSecond { get; }
    public int ChunkBytes { get; }
    public int HoldMs { get; }

    /// <summary>Time between two chunks.</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds((double)ChunkBytes / BytesPerSecond);

    public override string Mode => "slowloris";

    internal override async Task RunAsync(ClientConnection connection, ClientRun run)
    {
        long started = run.Time.GetTimestamp();
        for (int sent = 0, chunk = 0; sent < Payload.Length; chunk++)
        {
            TimeSpan due = Pacing.WaitFor(Interval * chunk, ref started, Interval, run.Time);
            if (due > TimeSpan.Zero && !await connection.DelayAsync((int)Math.Ceiling(due.TotalMilliseconds), "trickle")) return;
            int n = Math.Min(ChunkBytes, Payload.Length - sent);
            if (!await connection.SendAsync(Payload.Slice(sent, n))) return;
            sent += n;
        }
        if (HoldMs > 0) await connection.HoldAsync(HoldMs);
    }
}
