using System.Buffers;
using System.Net.Sockets;

namespace ChaosFeatures.Samples.LengthPrefixed;

/// <summary>
/// One client: frame after frame, each echoed back, until the client closes, a limit is hit or the
/// server shuts down. Limits: a frame may declare at most <see cref="ServerOptions.MaxFrameBytes"/>;
/// a connection with no byte for the idle timeout is closed; a frame must arrive whole within the
/// frame timeout (so a slowloris trickle is cut off, however steadily it trickles).
/// </summary>
internal sealed class FrameConnection(Socket socket, ServerOptions options, CancellationToken shuttingDown, CancellationToken aborted)
{
    private const int LingerMs = 1_000;
    private const int MaxLingerBytes = 1024 * 1024;

    public async Task RunAsync()
    {
        using (socket)
        {
            try
            {
                while (!shuttingDown.IsCancellationRequested && await ServeFrameAsync()) { }
            }
            catch (TimeoutException e)
            {
                await RejectAsync(e.Message);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or IOException) { }
        }
    }

    /// <summary>Reads one frame and answers it; false when the connection is over.</summary>
    private async Task<bool> ServeFrameAsync()
    {
        var header = new byte[FrameProtocol.HeaderBytes];
        // Between frames the connection is idle: a shutdown may end it here, mid-frame it may not.
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(shuttingDown, aborted);
        int got = await ReadAsync(header, idle.Token, TimeSpan.FromMilliseconds(options.IdleTimeoutMs), "idle");
        if (got == 0) return false; // the client closed between frames
        DateTime frameDeadline = DateTime.UtcNow.AddMilliseconds(options.FrameTimeoutMs);
        if (got < header.Length) await ReadExactlyAsync(header.AsMemory(got), frameDeadline);
        uint declared = FrameProtocol.Length(header);

        if (options.CheckSizeEarly && declared > options.MaxFrameBytes)
        {
            await RejectAsync(TooLarge(declared));
            return false;
        }

        byte[] body = await ReadBodyAsync(declared, frameDeadline);

        // The size check comes after the frame has been read: with --size-check late (the default)
        // this is the planted bug. A header promising 4 GB is believed, and the server keeps
        // reading and buffering until the frame timeout instead of refusing it at the header.
        if (declared > options.MaxFrameBytes)
        {
            await RejectAsync(TooLarge(declared));
            return false;
        }
        await FrameProtocol.SendAsync(socket, FrameProtocol.Ok, body, aborted);
        return true;
    }

    private async Task<byte[]> ReadBodyAsync(uint declared, DateTime frameDeadline)
    {
        var body = new MemoryStream();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (body.Length < declared)
            {
                int want = (int)Math.Min(chunk.Length, declared - body.Length);
                await ReadExactlyAsync(chunk.AsMemory(0, want), frameDeadline);
                body.Write(chunk, 0, want);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return body.ToArray();
    }

    private async Task ReadExactlyAsync(Memory<byte> buffer, DateTime frameDeadline)
    {
        for (int read = 0; read < buffer.Length;)
        {
            TimeSpan left = frameDeadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"frame not complete within {options.FrameTimeoutMs} ms");
            TimeSpan bound = TimeSpan.FromMilliseconds(Math.Min(options.IdleTimeoutMs, left.TotalMilliseconds));
            int n = await ReadAsync(buffer[read..], aborted, bound, bound < TimeSpan.FromMilliseconds(options.IdleTimeoutMs) ? "frame" : "idle");
            if (n == 0) throw new IOException("the client closed mid-frame");
            read += n;
        }
    }

    private async Task<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken, TimeSpan bound, string limit)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        try
        {
            return await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(limit == "idle" ? $"idle for {options.IdleTimeoutMs} ms" : $"frame not complete within {options.FrameTimeoutMs} ms");
        }
    }

    private string TooLarge(uint declared) => $"frame of {declared} bytes exceeds the limit of {options.MaxFrameBytes} bytes";

    /// <summary>An error frame, our FIN, then a bounded drain so the client reads the reason instead of an RST.</summary>
    private async Task RejectAsync(string reason)
    {
        try
        {
            await FrameProtocol.SendErrorAsync(socket, reason, aborted);
            await LingerAsync(socket, aborted);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    /// <summary>After our FIN, read and discard for a moment: closing with unread bytes would turn the close into RST.</summary>
    public static async Task LingerAsync(Socket socket, CancellationToken aborted)
    {
        socket.Shutdown(SocketShutdown.Send);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        bound.CancelAfter(LingerMs);
        byte[] sink = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int n, total = 0;
            while (total < MaxLingerBytes && (n = await socket.ReceiveAsync(sink, SocketFlags.None, bound.Token)) > 0) total += n;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException) { }
        finally
        {
            ArrayPool<byte>.Shared.Return(sink);
        }
    }
}
