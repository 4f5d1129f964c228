namespace ChaosFeatures.EvilPeer.Toxics;

/// <summary>How a toxic ends a connection; carried out by <see cref="Sockets.SocketCloser"/>.</summary>
public enum CloseMode
{
    /// <summary>Orderly: both peers read EOF.</summary>
    Fin = 0,

    /// <summary>Abortive: both peers see a connection reset.</summary>
    Rst = 1,
}
