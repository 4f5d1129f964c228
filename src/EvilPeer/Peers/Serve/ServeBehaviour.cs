using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Peers.Serve;

/// <summary>
/// The client downloads: the peer writes <see cref="Payload"/> in slices, pausing between
/// them, and ends with FIN or RST, early or after everything.
/// </summary>
public sealed record ServeBehaviour : PeerBehaviour
{
    public const int MaxDelayMs = 3_600_000;

    /// <param name="payload">The bytes served to every connection.</param>
    /// <param name="slice">Bytes per write; 0 = the whole payload in one write.</param>
    /// <param name="delayMs">Pause between chunks (not before the first).</param>
    /// <param name="closeAfter">Stop after this many bytes; -1 = send the whole payload.</param>
    /// <param name="hardReset">End with RST (SO_LINGER {1,0}) instead of FIN.</param>
    /// <param name="holdMs">Keep the connection open this long after the last write, before closing.</param>
    /// <param name="halfOpen">Stop sending but never close until the peer is disposed.</param>
    public ServeBehaviour(ReadOnlyMemory<byte> payload, int slice = 0, int delayMs = 0, long closeAfter = -1,
        bool hardReset = false, int holdMs = 0, bool halfOpen = false)
    {
        new Validator("serve behaviour")
            .Range("serve.slice", slice, 0, int.MaxValue, "bytes")
            .Range("serve.delay", delayMs, 0, MaxDelayMs, "ms")
            .Range("serve.closeAfter", closeAfter, -1, payload.Length, "bytes")
            .Range("serve.hold", holdMs, 0, MaxDelayMs, "ms")
            .ThrowIfAny();
        Payload = payload;
        Slice = slice;
        DelayMs = delayMs;
        CloseAfter = closeAfter;
        HardReset = hardReset;
        HoldMs = holdMs;
        HalfOpen = halfOpen;
    }

    public ReadOnlyMemory<byte> Payload { get; }
    public int Slice { get; }
    public int DelayMs { get; }
    public long CloseAfter { get; }
    public bool HardReset { get; }
    public int HoldMs { get; }
    public bool HalfOpen { get; }

    public override PeerMode Mode => PeerMode.Serve;
    public override bool ClosesWithReset => HardReset;

    /// <summary>How many bytes a connection receives before the peer stops sending.</summary>
    public int BytesToSend => CloseAfter < 0 ? Payload.Length : (int)CloseAfter;

    internal override Task RunAsync(PeerConnection connection) => ServeLoop.RunAsync(this, connection);
}
