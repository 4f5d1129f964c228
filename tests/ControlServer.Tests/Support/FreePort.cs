using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Control.Tests.Support;

/// <summary>A loopback port that was free a moment ago (for tests that, like Toxiproxy's, name fixed ports).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
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
