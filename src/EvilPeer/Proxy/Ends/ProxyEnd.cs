using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Sockets;
using ChaosFeatures.EvilPeer.Toxics;

namespace ChaosFeatures.EvilPeer.Proxy.Ends;

/// <summary>
/// One side of a proxied connection as the pumps see it: the upstream socket, or the client's socket,
/// plain or behind the listener's TLS. A plain end hands each call straight to its socket, so the
/// passthrough pump pays one virtual call per read and per write over a bare socket and no allocation.
/// </summary>
internal abstract class ProxyEnd(Socket socket)
{
    public Socket Socket => socket;

    /// <summary>Bytes waiting in the kernel: the pump's hint that more data is on its way.</summary>
    public int Available => socket.Available;

    /// <returns>0 at the end of the stream (a FIN, or the TLS end of the client's stream).</returns>
    public abstract ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <returns>How many of the bytes were taken (all of them for TLS).</returns>
    public abstract ValueTask<int> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>What an orderly half-close sends before its FIN: nothing on plain TCP, close_notify over TLS (unless the options truncate).</summary>
    public virtual ValueTask BeforeFinAsync() => ValueTask.CompletedTask;

    /// <summary>The FIN of an orderly half-close, after <see cref="BeforeFinAsync"/>.</summary>
    public void SendFin() => SocketCloser.SendFin(socket);

    /// <summary>Ends this side now: FIN and release, or RST. Over TLS no close_notify: a cut is a cut.</summary>
    public virtual void Close(CloseMode mode)
    {
        if (mode == CloseMode.Rst) SocketCloser.Reset(socket);
        else SocketCloser.CloseGracefully(socket);
    }
}
