using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.EvilPeer.Tests.Peers;

/// <summary>What a real client socket saw until the stream ended.</summary>
internal sealed record ClientDownload(byte[] Bytes, int Reads, SocketError? Error, TimeSpan FirstByteAfter, TimeSpan Elapsed)
{
    public bool EndedWithFin => Error is null;
}

/// <summary>A plain loopback client, every wait bounded so a misbehaving peer fails a test instead of hanging it.</summary>
internal static class LoopbackClient
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static async Task<Socket> ConnectAsync(IPEndPoint endPoint, int sendBufferSize = 0)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (sendBufferSize > 0) socket.SendBufferSize = sendBufferSize;
        try
        {
            await socket.ConnectAsync(endPoint).WaitAsync(Bound);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <param name="since">A <see cref="Stopwatch.GetTimestamp"/> to measure from instead of the call, for a fault
    /// whose clock starts before the read can (an accept delay runs from the SYN).</param>
    public static async Task<ClientDownload> ReadToEndAsync(Socket socket, TimeSpan? bound = null, long? since = null)
    {
        using var cts = new CancellationTokenSource(bound ?? Bound);
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        var clock = new Clock(since ?? Stopwatch.GetTimestamp());
        TimeSpan firstByte = TimeSpan.Zero;
        int reads = 0;
        try
        {
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token)) > 0)
            {
                if (reads++ == 0) firstByte = clock.Elapsed;
                received.Write(buffer, 0, n);
            }
            return new ClientDownload(received.ToArray(), reads, null, firstByte, clock.Elapsed);
        }
        catch (SocketException e)
        {
            return new ClientDownload(received.ToArray(), reads, e.SocketErrorCode, firstByte, clock.Elapsed);
        }
    }

    private readonly record struct Clock(long Start)
    {
        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Start);
    }

    /// <summary>True when a read is still pending after <paramref name="wait"/>: no byte, no FIN, no RST.</summary>
    public static async Task<bool> ReadStaysPendingAsync(Socket socket, TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            await socket.ReceiveAsync(new byte[1], SocketFlags.None, cts.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}
