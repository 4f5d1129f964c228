namespace ChaosFeatures.EvilPeer.Peers.Accept;

/// <summary>How a peer misbehaves before any behaviour runs. See <see cref="AcceptFault"/>.</summary>
public enum AcceptFaultKind
{
    /// <summary>Accept normally.</summary>
    None,

    /// <summary>Nothing listens on the port: connects fail with ConnectionRefused.</summary>
    Refuse,

    /// <summary>Accept, then close at once (FIN, or RST with hard reset).</summary>
    CloseAtOnce,

    /// <summary>Accept, then wait before the behaviour starts.</summary>
    Delay,

    /// <summary>Listen but never call accept.</summary>
    NeverAccept,
}
