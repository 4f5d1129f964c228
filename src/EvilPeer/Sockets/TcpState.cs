using System.Net.Sockets;

namespace ChaosFeatures.EvilPeer.Sockets;

/// <summary>
/// How the other side has left a connection, read from the kernel (Linux TCP_INFO and SO_ERROR) instead of
/// by reading: for a client that must not read a byte, yet has to tell a server's FIN from its RST.
/// </summary>
internal static class TcpState
{
    private const int IpProtoTcp = 6, TcpInfo = 11;
    private const byte Established = 1, Close = 7, CloseWait = 8;

    /// <summary>What the peer did so far.</summary>
    public enum PeerEnd
    {
        /// <summary>Still open both ways (or the kernel would not say).</summary>
        None,

        /// <summary>Its FIN arrived (we are in CLOSE_WAIT, unread bytes and all).</summary>
        Fin,

        /// <summary>Its RST arrived: the connection is closed with an error.</summary>
        Reset,
    }

    public static PeerEnd Of(Socket socket)
    {
        Span<byte> info = stackalloc byte[8];
        try
        {
            if (socket.GetRawSocketOption(IpProtoTcp, TcpInfo, info) < 1) return PeerEnd.None;
            return info[0] switch
            {
                CloseWait => PeerEnd.Fin,
                Close => PeerEnd.Reset,
                Established => PeerEnd.None,
                _ => PeerEnd.None,
            };
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or PlatformNotSupportedException)
        {
            return PeerEnd.None;
        }
    }
}
