using System.Net.Sockets;

namespace ChaosFeatures.EvilPeer.Sockets;

/// <summary>
/// The one place that decides how a connection ends: a FIN (orderly, the other side reads EOF)
/// or an RST (abortive, the other side sees <see cref="SocketError.ConnectionReset"/>). Peers,
/// toxics and the proxy all close through here so "reset or FIN" is never decided twice.
/// Every method is idempotent and swallows the errors of an already-dead socket.
/// </summary>
public static class SocketCloser
{
    /// <summary>Send FIN (shutdown of our send side); the socket stays open for reading.</summary>
    public static void SendFin(Socket socket)
    {
        try { socket.Shutdown(SocketShutdown.Send); }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
    }

    /// <summary>FIN, then release the descriptor.</summary>
    public static void CloseGracefully(Socket socket)
    {
        SendFin(socket);
        socket.Dispose();
    }

    /// <summary>
    /// SO_LINGER {on, 0} then close: the kernel discards unsent data and sends RST. This is a real
    /// reset even mid-connection, unlike a FIN that happens to follow an error.
    /// </summary>
    public static void Reset(Socket socket)
    {
        try { socket.LingerState = new LingerOption(true, 0); }
        catch (SocketException) { }
        catch (ObjectDisposedException) { return; }
        socket.Dispose();
    }
}
