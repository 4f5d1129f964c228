using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Peers.Consume;

/// <summary>
/// The client uploads: the peer reads slowly, stops early or never reads at all, counts what
/// it read and hashes it (SHA-256), then holds and closes with FIN or RST.
/// </summary>
public sealed record ConsumeBehaviour : PeerBehaviour
{
    public const int MaxReadSize = 16 * 1024 * 1024;

    /// <param name="readSize">
    /// Bytes per read; 0 = never read, so the client's sends stall once the kernel buffers fill
    /// (pair it with a small <see cref="PeerOptions.ReceiveBufferSize"/>).
    /// </param>
    /// <param name="delayMs">Pause between reads.</param>
    /// <param name="stopAfter">Stop reading after this many bytes; -1 = read until the client's FIN.</param>
    /// <param name="holdMs">
    /// Keep the connection open this long after reading stops. For a never-reading peer, 0 means
    /// hold until the peer is disposed.
    /// </param>
    /// <param name="hardReset">Close with RST instead of FIN.</param>
    public ConsumeBehaviour(int readSize = 16 * 1024, int delayMs = 0, long stopAfter = -1, int holdMs = 0,
        bool hardReset = false)
    {
        new Validator("consume behaviour")
            .Range("consume.readSize", readSize, 0, MaxReadSize, "bytes")
            .Range("consume.delay", delayMs, 0, Serve.ServeBehaviour.MaxDelayMs, "ms")
            .Range("consume.stopAfter", stopAfter, -1, long.MaxValue, "bytes")
            .Range("consume.hold", holdMs, 0, Serve.ServeBehaviour.MaxDelayMs, "ms")
            .ThrowIfAny();
        ReadSize = readSize;
        DelayMs = delayMs;
        StopAfter = stopAfter;
        HoldMs = holdMs;
        HardReset = hardReset;
    }

    public int ReadSize { get; }
    public int DelayMs { get; }
    public long StopAfter { get; }
    public int HoldMs { get; }
    public bool HardReset { get; }

    public bool NeverReads => ReadSize == 0;

    public override PeerMode Mode => PeerMode.Consume;
    public override bool ClosesWithReset => HardReset;

    internal override Task RunAsync(PeerConnection connection) => ConsumeLoop.RunAsync(this, connection);
}
