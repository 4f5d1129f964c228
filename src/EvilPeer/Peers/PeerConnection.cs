using System.Buffers;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Sockets;
using ChaosFeatures.EvilPeer.Tls;

namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>
/// One accepted socket plus what every behaviour needs around it: counted I/O, delays on the
/// injected clock, and the ways to end it (through <see cref="SocketCloser"/>). Owned by one loop.
/// With TLS (<see cref="StartTlsAsync"/>) reads and writes go through the SslStream and count
/// plaintext bytes; a FIN is preceded by close_notify unless the options truncate.
/// </summary>
internal sealed class PeerConnection(Socket socket, long id, PeerEvents events, PeerStats stats,
    TimeProvider time, CancellationToken stopping)
{
    private const int DrainBufferSize = 16 * 1024;
    private bool _released, _finSent, _finished, _clientSpoke, _rejectionNoted;
    private string? _readSha256;
    private TlsServerConnection? _tls;
    private TlsOptions? _tlsOptions;

    public long Id => id;

    public PeerStats Stats => stats;

    public PeerEvents Events => events;

    public TimeProvider Time => time;

    /// <summary>Cancelled when the peer stops.</summary>
    public CancellationToken Stopping => stopping;

    /// <summary>
    /// Runs the server side of TLS with its faults. False when the connection is already over: a
    /// fault stopped it (and this applied the stop: FIN, RST or hold), or the client broke the
    /// handshake off.
    /// </summary>
    public async Task<bool> StartTlsAsync(TlsOptions options)
    {
        _tlsOptions = options;
        _tls = await TlsServerConnection.AcceptAsync(socket, options, time, new TlsEvents(events.For(id), stats.OnTlsEvent), stopping);
        if (_tls.Ended is not null)
        {
            await StopAsync(_tls.StopMode);
            return false;
        }
        if (_tls.Failure is null) return true;
        Release("tls_failed");
        return false;
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data)
    {
        if (_tls is not null)
        {
            await SendTlsAsync(data);
            return;
        }
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
        int n = _tls is null
            ? await socket.ReceiveAsync(buffer, SocketFlags.None, stopping)
            : await _tls.Stream.ReadAsync(buffer, stopping);
        if (n > 0)
        {
            stats.OnRead(n);
            _clientSpoke = true;
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

    /// <param name="closeNotify">With TLS, send close_notify first (unless the options truncate).</param>
    public async Task SendFinAsync(bool closeNotify = true)
    {
        if (_finSent || _released) return;
        _finSent = true;
        if (closeNotify && _tls is not null) await _tls.ShutdownAsync();
        // Counted before it leaves: a client that has seen the FIN finds it in the stats.
        stats.OnFin();
        SocketCloser.SendFin(socket);
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
        NoteSilentRejection();
        int unread = Unread();
        stats.OnReset(); // before it leaves, like the FIN
        SocketCloser.Reset(socket);
        _tls?.Dispose();
        events.Rst(id);
        _released = true;
        events.Close(id, "rst", unread);
    }

    public async Task CloseAsync(bool hardReset, bool closeNotify = true)
    {
        if (hardReset) Reset();
        else
        {
            await SendFinAsync(closeNotify);
            Release("fin");
        }
    }

    /// <summary>Release the descriptor if nothing has; the FIN or RST has already been decided.</summary>
    public void Release(string reason)
    {
        if (_released) return;
        NoteSilentRejection();
        int unread = Unread();
        socket.Dispose();
        _tls?.Dispose();
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

    /// <summary>
    /// True for the I/O error of a client that rejected a deliberately bad certificate: our side of the
    /// handshake ends before the client validates, so the rejection arrives as the next read or write
    /// failing. Counted as a TLS failure (tls_failed), not as an error.
    /// </summary>
    public bool IsCertificateRejection(Exception e)
    {
        if (_tlsOptions is not { Certificate: not TlsCertificateKind.Trusted, ServerCertificate: null }
            || e is not (IOException or System.Security.Authentication.AuthenticationException)) return false;
        _rejectionNoted = true;
        new TlsEvents(events.For(id), stats.OnTlsEvent).Failed($"client rejected the {_tlsOptions.Certificate} certificate: {e.Message}");
        return true;
    }

    /// <summary>
    /// A .NET client that rejects the certificate just closes (no alert reaches us), and when the peer's
    /// script never reads or writes again no error shows it either. So with a deliberately bad certificate,
    /// a completed handshake whose client never sent a byte is counted as a rejection, once, when the
    /// connection is released (a client that skips validation and sends nothing would be counted too).
    /// </summary>
    private void NoteSilentRejection()
    {
        if (_rejectionNoted || _clientSpoke || _tls is not { Established: true } || _tlsOptions is not { Certificate: not TlsCertificateKind.Trusted, ServerCertificate: null })
            return;
        _rejectionNoted = true;
        new TlsEvents(events.For(id), stats.OnTlsEvent).Failed($"client rejected the {_tlsOptions.Certificate} certificate: it left without sending a byte");
    }

    private async ValueTask SendTlsAsync(ReadOnlyMemory<byte> data)
    {
        try
        {
            await _tls!.Stream.WriteAsync(data, stopping);
        }
        catch (Exception) when (_tls!.CutByFault)
        {
            // Half a record went out (MidRecord): end the TCP connection as planned and unwind the behaviour.
            await StopAsync(_tlsOptions!.Stop);
            throw new TlsFaultFiredException(_tlsOptions.Fault);
        }
        stats.OnServed(data.Length);
        events.Write(id, data.Length);
    }

    /// <summary>A TLS fault's end of the TCP connection: FIN without close_notify, RST, or silence until the peer stops.</summary>
    private async Task StopAsync(TlsStopMode mode)
    {
        switch (mode)
        {
            case TlsStopMode.Reset:
                Reset();
                break;
            case TlsStopMode.Hold:
                await HoldAsync(Timeout.Infinite);
                break;
            default:
                await SendFinAsync(closeNotify: false);
                await DrainAsync();
                break;
        }
    }

    private int Unread()
    {
        try { return socket.Available; }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { return 0; }
    }
}
