using ChaosFeatures.Seeds;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.EvilClients.DeclaredFrame;

/// <summary>
/// A frame that lies about its length: a header declaring <see cref="DeclaredLength"/> bytes,
/// then <see cref="BodyBytes"/> of seeded random body — none (a header promising 4 GB, then
/// silence), fewer than declared (stop short), or more (overrun). Then the connection is held for
/// <see cref="HoldMs"/> to see what the server does: a server that checks the header rejects at
/// once; one that buffers first waits, or grows.
/// </summary>
public sealed record DeclaredFrameBehaviour : EvilClientBehaviour
{
    public const long MaxBodyBytes = 16L * 1024 * 1024 * 1024;
    public const int MaxChunkBytes = 1024 * 1024;

    /// <param name="header">How the length is declared.</param>
    /// <param name="declaredLength">The length the header promises, 0..the header's maximum (4294967295 for 32-bit headers).</param>
    /// <param name="bodyBytes">Body bytes actually sent, 0..16 GiB.</param>
    /// <param name="chunkBytes">Bytes per body write, 1..1048576.</param>
    /// <param name="holdMs">Hold after the last byte, 0..600000 ms.</param>
    public DeclaredFrameBehaviour(FrameHeader header, long declaredLength, long bodyBytes = 0, int chunkBytes = 64 * 1024, int holdMs = 0)
    {
        var check = new Validator("declared frame behaviour")
            .Require(Enum.IsDefined(header), "frame.header", $"{header} is not one of {FrameHeaders.Names}")
            .Range("frame.body", bodyBytes, 0, MaxBodyBytes, "bytes")
            .Range("frame.chunk", chunkBytes, 1, MaxChunkBytes, "bytes")
            .Range("frame.hold", holdMs, 0, EvilClientOptions.MaxDurationLimitMs, "ms");
        if (Enum.IsDefined(header))
            check.Range("frame.declared", declaredLength, 0, FrameHeaders.MaxDeclarable(header), $"bytes for a {FrameHeaders.Name(header)} header");
        check.ThrowIfAny();
        Header = header;
        DeclaredLength = declaredLength;
        BodyBytes = bodyBytes;
        ChunkBytes = chunkBytes;
        HoldMs = holdMs;
    }

    public FrameHeader Header { get; }
    public long DeclaredLength { get; }
    public long BodyBytes { get; }
    public int ChunkBytes { get; }
    public int HoldMs { get; }

    public override string Mode => "declared_frame";

    /// <summary>The header's bytes on the wire.</summary>
    public byte[] HeaderBytes() => FrameHeaders.Encode(Header, DeclaredLength);

    internal override async Task RunAsync(ClientConnection connection, ClientRun run)
    {
        if (!await connection.SendAsync(HeaderBytes())) return;
        if (BodyBytes > 0)
        {
            // One chunk of seeded noise, sent again and again: the body's content does not matter, its size does.
            var chunk = new byte[(int)Math.Min(ChunkBytes, BodyBytes)];
            var random = new Seed(run.Options.Seed).For((ulong)connection.Id).Generator();
            for (int i = 0; i < chunk.Length; i++) chunk[i] = (byte)random.NextUInt64();
            for (long sent = 0; sent < BodyBytes;)
            {
                int n = (int)Math.Min(chunk.Length, BodyBytes - sent);
                if (!await connection.SendAsync(chunk.AsMemory(0, n))) return;
                sent += n;
            }
        }
        if (HoldMs > 0) await connection.HoldAsync(HoldMs);
    }
}
