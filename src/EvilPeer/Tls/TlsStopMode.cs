namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>How a TLS fault that stops the stream ends the TCP connection.</summary>
public enum TlsStopMode
{
    /// <summary>TCP FIN, no close_notify: the client reads EOF where it expected TLS bytes.</summary>
    Fin,

    /// <summary>TCP RST (SO_LINGER 0).</summary>
    Reset,

    /// <summary>Stay silent with the connection open until the peer is disposed: the client waits for its own timeout.</summary>
    Hold,
}
