using System.Buffers;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Sockets;

namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>
/// One accepted socket plus what every behaviour needs around it: counted I/O, delays on the
/// injected clock, and the ways to end it (through <see cref="SocketCloser"/>). Owned by one loop.
/// </summary>
internal sealed class PeerConnection(Socket socket, long id, PeerEvents events, PeerStats stats,
    TimeProvider time, CancellationToken stopping)
{
    private const int DrainBufferSize = 16 * 1024;
    private bool _released, _finSent, _finished;
    private string? _readSha256;

    public long Id => id;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data)
    {
        // Socket.SendAsync completes whole buffers on stream sockets; the loop guards partial sends anyway.
        while (!data.IsEmpty)
        {
            int n = await socket.SendAsync(data, SocketFlags.None, stopping);
            data = data[n..];
            stats.OnServed(n);
            events.Write(id, n);
        }
    }

    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer)
    {
        int n = await socket.ReceiveAsync(buffer, SocketFlags.None, stopping);
        if (n > 0)
        {
            stats.OnRead(n);
            events.Read(id, n);
        }
        return n;
    }

    public async Task DelayAsync(int ms, string phase)
    {
        if (ms <= 0) return;
        events.Delay(id, ms, phase);
        await Task.Delay(TimeSpan.FromMilliseconds(ms), time, stopping);
    }

    /// <summary>Keep the connection as it is for <paramref name="ms"/> (Infinite = until the peer stops).</summary>
    public async Task HoldAsync(int ms)
    {
        if (ms == 0) return;
        events.Hold(id, ms);
        await Task.Delay(ms == Timeout.Infinite ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(ms), time, stopping);
    }

    public void SendFin()
    {
        if (_finSent || _released) return;
        _finSent = true;
        SocketCloser.SendFin(socket);
        stats.OnFin();
        events.Fin(id);
    }

    /// <summary>After our FIN, read and discard until the client closes, so unread client bytes never turn our close into RST.</summary>
    public async Task DrainAsync()
    {
        ReportFinished(); // the fault script is done; draining is only courtesy to the kernel
        byte[] buffer = ArrayPool<byte>.Shared.Rent(DrainBufferSize);
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, stopping) > 0) { }
        }
        catch (SocketException) { }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        Release("done");
    }

    public void Reset()
    {
        if (_released) return;
        int unread = Unread();
        SocketCloser.Reset(socket);
        stats.OnReset();
        events.Rst(id);
        _released = true;
        events.Close(id, "rst", unread);
    }

    public void Close(bool hardReset)
    {
        if (hardReset) Reset();
        else
        {
            SendFin();
            Release("fin");
        }
    }

    /// <summary>Release the descriptor if nothing has; the FIN or RST has already been decided.</summary>
    public void Release(string reason)
    {
        if (_released) return;
        int unread = Unread();
        socket.Dispose();
        _released = true;
        events.Close(id, reason, unread);
    }

    public void RecordReadHash(string sha256Hex)
    {
        _readSha256 = sha256Hex;
        stats.OnReadHash(id, sha256Hex);
    }

    /// <summary>Count this connection as finished, once; the "done" event lets a forked peer's parent do the same.</summary>
    public void ReportFinished()
    {
        if (_finished) return;
        _finished = true;
        events.Done(id, _readSha256);
        stats.OnFinished();
    }

    private int Unread()
    {
        try { return socket.Available; }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { return 0; }
    }
}
