namespace ChaosFeatures.Harness.Clients;

/// <summary>
/// The stream under a client's SslStream (or HttpClient's connection): passes everything through
/// and remembers whether a read returned 0, i.e. the peer's FIN reached us. That is how a driver
/// tells "the peer closed" from other IOExceptions SslStream throws with only a message.
/// </summary>
public sealed class TransportWatch(Stream inner, Action? onEof = null) : Stream
{
    private int _eof;

    /// <summary>A non-empty read returned 0 at least once.</summary>
    public bool SawEof => Volatile.Read(ref _eof) == 1;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (n == 0 && !buffer.IsEmpty) MarkEof();
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = inner.Read(buffer, offset, count);
        if (n == 0 && count > 0) MarkEof();
        return n;
    }

    private void MarkEof()
    {
        if (Interlocked.Exchange(ref _eof, 1) == 0) onEof?.Invoke();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override void Flush() => inner.Flush();
    public override bool CanRead => inner.CanRead;
    public override bool CanWrite => inner.CanWrite;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}
