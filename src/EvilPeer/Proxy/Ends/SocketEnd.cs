using System.Net.Sockets;

namespace ChaosFeatures.EvilPeer.Proxy.Ends;

/// <summary>A plain TCP side: every call goes straight to the socket (the passthrough pump's hot path).</summary>
internal sealed class SocketEnd(Socket socket) : ProxyEnd(socket)
{
    public override ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public override ValueTask<int> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        Socket.SendAsync(data, SocketFlags.None, cancellationToken);
}
