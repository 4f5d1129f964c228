namespace ChaosFeatures.EvilPeer.EvilClients;

/// <summary>How one evil-client connection ended. The first reason wins: a server that resets a socket we were already closing is still "closed by us".</summary>
public enum ConnectionEnd
{
    /// <summary>Connect failed with ConnectionRefused: nothing listens, or the server's backlog refused us.</summary>
    Refused,

    /// <summary>Connect did not complete within the connect timeout (a full SYN queue drops SYNs silently).</summary>
    ConnectTimeout,

    /// <summary>Connect failed otherwise (the event carries the socket error).</summary>
    ConnectError,

    /// <summary>The server closed with FIN: our read saw EOF.</summary>
    ServerClosed,

    /// <summary>The server reset the connection (RST on a read, or a send into a connection it had closed).</summary>
    ServerReset,

    /// <summary>We closed it: the behaviour ended, the client was stopped, or its time bound ran out.</summary>
    ClosedByClient,
}
