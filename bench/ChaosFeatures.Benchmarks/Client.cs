using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Benchmarks;

internal static class Client
{
    public static async Task<Socket> ConnectAsync(IPEndPoint endpoint)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint);
        return socket;
    }

    public static async Task ReadExactlyAsync(Socket socket, Memory<byte> buffer)
    {
        for (int read = 0; read < buffer.Length;)
        {
            int n = await socket.ReceiveAsync(buffer[read..]);
            if (n == 0) throw new EndOfStreamException();
            read += n;
        }
    }

    public static async Task<long> ReadToEndAsync(Socket socket)
    {
        var buffer = new byte[256 * 1024];
        long total = 0;
        int n;
        while ((n = await socket.ReceiveAsync(buffer)) > 0) total += n;
        return total;
    }
}
