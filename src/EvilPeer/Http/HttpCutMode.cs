namespace ChaosFeatures.EvilPeer.Http;

/// <summary>How a response that is cut short (mid-body, mid-chunk, after a bad chunk size) ends the connection.</summary>
public enum HttpCutMode
{
    /// <summary>TCP FIN: the client reads EOF where it expected more body.</summary>
    Fin,

    /// <summary>TCP RST.</summary>
    Reset,

    /// <summary>Silence with the connection open until the peer is disposed: the client waits for its own timeout.</summary>
    Hold,
}
