using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.EvilPeer.Tests.EvilClients.Support;

/// <summary>
/// A loopback port that refuses connects: bound but never listening, and held for the test, so no
/// other test running in parallel can take it meanwhile (a released port soon is someone's listener).
/// </summary>
internal sealed class RefusingPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public void Dispose() => _socket.Dispose();
}
