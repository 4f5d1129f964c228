using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Control.Tests.Support;

/// <summary>A loopback port that was free a moment ago (for tests that, like Toxiproxy's, name fixed ports).</summary>
public static class FreePort
{
    /// <summary>
    /// A free port below Linux's ephemeral range (32768 and up). Between the probe and the server's bind, a port from the
    /// ephemeral range can be handed to some outgoing connection of a test running in parallel, and then the server
    /// cannot bind it (a 500 from /populate in one CI run); below the range only an explicit bind can take it.
    /// </summary>
    public static int Next()
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            int port = Random.Shared.Next(20_000, 32_000);
            using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException("no free port in 20000..31999 after 200 tries");
    }

    /// <summary>Whether something accepts TCP on 127.0.0.1:<paramref name="port"/> (Toxiproxy's tests call this "up").</summary>
    public static async Task<bool> IsUpAsync(int port)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), bound.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int PortOf(string listen) => new Uri($"tcp://{listen}").Port;
}
