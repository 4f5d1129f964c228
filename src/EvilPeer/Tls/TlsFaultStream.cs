namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>
/// The transport under the peer's SslStream: passes reads through and watches the records the
/// peer writes, so a fault can forward a real ServerHello and cut right after it, or send half of
/// the first application-data record. Once a fault has cut, every write throws, which unwinds the
/// SslStream; <see cref="Fired"/> tells that unwinding apart from a real failure.
/// </summary>
internal sealed class TlsFaultStream(Stream transport, TlsOptions options, TimeProvider time, TlsEvents events,
    CancellationToken stopping) : Stream
{
    private TlsRecordScanner _records;

    /// <summary>Set once the handshake completed: later records are application data (and TLS 1.3 tickets were already sent).</summary>
    public bool HandshakeComplete { get; set; }

    public bool Fired { get; private set; }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (Fired) throw new IOException($"TLS fault {options.Fault} has cut this stream");
        if (!HandshakeComplete && options.HandshakeDelayMs > 0)
        {
            events.Delay(options.HandshakeDelayMs);
            await Task.Delay(TimeSpan.FromMilliseconds(options.HandshakeDelayMs), time, stopping);
        }
        int cut = CutPoint(data.Span);
        if (cut < 0)
        {
            await transport.WriteAsync(data, cancellationToken);
            return;
        }
        await transport.WriteAsync(data[..cut], cancellationToken);
        Fired = true;
        events.Fault(options.Fault, cut);
        throw new IOException($"TLS fault {options.Fault} cut the stream after {cut} of {data.Length} bytes");
    }

    /// <summary>Where this write is cut, or -1 to send it whole.</summary>
    private int CutPoint(ReadOnlySpan<byte> data)
    {
        if (options.Fault == TlsFaultKind.StopAfterServerHello && !HandshakeComplete)
            return _records.FindEndOf(data, TlsRecordScanner.Handshake, TlsRecordScanner.ServerHello);
        if (options.Fault == TlsFaultKind.MidRecord && HandshakeComplete && _records.AtBoundary
            && data.Length >= TlsRecordScanner.HeaderLength)
        {
            // SslStream writes whole records, so the first post-handshake write starts with a header.
            int body = (data[3] << 8) | data[4];
            return Math.Min(data.Length, TlsRecordScanner.HeaderLength + body / 2);
        }
        _records.Skip(data);
        return -1;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        transport.ReadAsync(buffer, cancellationToken); // zero-byte reads too: SslStream waits for data with them

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => transport.FlushAsync(cancellationToken);

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => transport.Flush();
    public override int Read(byte[] buffer, int offset, int count) => transport.Read(buffer, offset, count);
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) transport.Dispose();
        base.Dispose(disposing);
    }
}
