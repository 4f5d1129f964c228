using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.EvilPeer.Tests.Proxy.Support;

/// <summary>Client-side helpers; every wait is bounded so a broken proxy fails a test instead of hanging it.</summary>
public static class ClientSocket
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static async Task<Socket> ConnectAsync(IPEndPoint endpoint)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(Bound);
        await socket.ConnectAsync(endpoint, timeout.Token);
        return socket;
    }

    public static async Task SendAsync(Socket socket, byte[] data)
    {
        using var timeout = new CancellationTokenSource(Bound);
        int sent = 0;
        while (sent < data.Length) sent += await socket.SendAsync(data.AsMemory(sent), SocketFlags.None, timeout.Token);
    }

    public static async Task<byte[]> ReadExactlyAsync(Socket socket, int count, TimeSpan? bound = null)
    {
        using var timeout = new CancellationTokenSource(bound ?? Bound);
        var buffer = new byte[count];
        int read = 0;
        while (read < count)
        {
            int n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, timeout.Token);
            if (n == 0) throw new EndOfStreamException($"EOF after {read} of {count} bytes");
            read += n;
        }
        return buffer;
    }

    /// <summary>Reads until EOF, reset or the bound; End is "eof", "reset" or "timeout".</summary>
    /// <param name="request">Sent first, after the clock starts: for a server that answers only then, so a toxic
    /// that paces or delays its answer cannot have begun before the clock (see <see cref="LoopbackServer.ServingOnRequest"/>).</param>
    public static async Task<ReadOutcome> ReadToEndAsync(Socket socket, TimeSpan? bound = null, byte[]? request = null)
    {
        var stopwatch = Stopwatch.StartNew();
        if (request is not null)
            await socket.SendAsync(request, SocketFlags.None);
        using var timeout = new CancellationTokenSource(bound ?? Bound);
        var bytes = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int reads = 0;
        try
        {
            while (true)
            {
                int n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (n == 0) return new ReadOutcome(bytes.ToArray(), "eof", stopwatch.Elapsed, reads);
                reads++;
                bytes.Write(buffer, 0, n);
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return new ReadOutcome(bytes.ToArray(), "reset", stopwatch.Elapsed, reads);
        }
        catch (OperationCanceledException)
        {
            return new ReadOutcome(bytes.ToArray(), "timeout", stopwatch.Elapsed, reads);
        }
    }

    public static byte[] Payload(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
