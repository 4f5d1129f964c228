using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Tests.Shared;

/// <summary>How reading a socket to its end went: the bytes, how it ended ("eof", "reset" or "timeout"), and how long it took.</summary>
internal sealed record ReadOutcome(byte[] Bytes, string End, TimeSpan Elapsed, int Reads);

/// <summary>What a real client socket saw until the stream ended: FIN (no error) or the socket error.</summary>
internal sealed record ClientDownload(byte[] Bytes, int Reads, SocketError? Error, TimeSpan FirstByteAfter, TimeSpan Elapsed)
{
    public bool EndedWithFin => Error is null;
}

/// <summary>
/// A plain loopback client, every wait bounded so a misbehaving peer or proxy fails a test instead of hanging it.
/// Shared as source by the test projects.
/// </summary>
internal static class LoopbackClient
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static async Task<Socket> ConnectAsync(IPEndPoint endPoint, int sendBufferSize = 0)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (sendBufferSize > 0) socket.SendBufferSize = sendBufferSize;
        try
        {
            using var timeout = new CancellationTokenSource(Bound);
            await socket.ConnectAsync(endPoint, timeout.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
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

    /// <summary>
    /// Reads until FIN or any socket error, with the time of the first byte; unlike <see cref="ReadToEndAsync"/>,
    /// running out of the bound throws (<see cref="OperationCanceledException"/>) rather than reporting an outcome.
    /// </summary>
    /// <param name="since">A <see cref="Stopwatch.GetTimestamp"/> to measure from instead of the call, for a fault
    /// whose clock starts before the read can (an accept delay runs from the SYN).</param>
    public static async Task<ClientDownload> DownloadAsync(Socket socket, TimeSpan? bound = null, long? since = null)
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

    /// <summary>Seeded random bytes: the same <paramref name="seed"/> gives the same payload.</summary>
    public static byte[] Payload(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private readonly record struct Clock(long Start)
    {
        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Start);
    }
}
