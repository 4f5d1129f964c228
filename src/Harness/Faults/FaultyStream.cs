using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Faults;

/// <summary>
/// The in-process fault layer: wraps a stream and misbehaves as its <see cref="FaultMode"/> says,
/// without sockets, in microseconds. Each injected fault is recorded as a <c>fault</c> event.
/// Reads and writes may run concurrently (full duplex); the fault state is guarded.
/// </summary>
public sealed class FaultyStream : Stream
{
    private readonly Stream _inner;
    private readonly FaultMode _mode;
    private readonly FaultInjector _faults;
    private readonly bool _leaveOpen;
    private readonly TimeProvider _time;

    /// <param name="time">The clock a <see cref="FaultKind.Timeout"/> waits on (default the system's).</param>
    public FaultyStream(Stream inner, FaultMode mode, IChaosEventSink? events = null, string actor = "fault", bool leaveOpen = false,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(mode);
        (_inner, _mode, _leaveOpen, _time) = (inner, mode, leaveOpen, time ?? TimeProvider.System);
        _faults = new FaultInjector(mode, events, actor);
    }

    public FaultMode Mode => _mode;

    /// <summary>How long a <see cref="FaultKind.Timeout"/> hangs before it fails (its count, in ms).</summary>
    private TimeSpan Hang => TimeSpan.FromMilliseconds(_mode.Count);

    /// <summary>A synchronous read or write must block its caller as a hung socket would, so it waits for the delay on the injected clock.</summary>
    private void HangSynchronously() => Task.Delay(Hang, _time).GetAwaiter().GetResult();
    public override bool CanRead => _inner.CanRead;
    public override bool CanWrite => _inner.CanWrite;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_mode.Kind == FaultKind.Timeout) { HangSynchronously(); throw _faults.TimedOut("read"); }
        var admitted = _faults.Admit("read", buffer.Length);
        var n = _inner.Read(buffer[..admitted]);
        _faults.Received(buffer[..n], admitted);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_mode.Kind == FaultKind.Timeout) { await Task.Delay(Hang, _time, cancellationToken); throw _faults.TimedOut("read"); }
        var admitted = _faults.Admit("read", buffer.Length);
        var n = await _inner.ReadAsync(buffer[..admitted], cancellationToken);
        _faults.Received(buffer.Span[..n], admitted);
        return n;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_mode.Kind == FaultKind.Timeout) { HangSynchronously(); throw _faults.TimedOut("write"); }
        var allowed = _faults.Admit("write", buffer.Length);
        _inner.Write(_faults.CorruptCopy(buffer[..allowed]) ?? buffer[..allowed]);
        if (allowed < buffer.Length) throw _faults.WriteCut();
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_mode.Kind == FaultKind.Timeout) { await Task.Delay(Hang, _time, cancellationToken); throw _faults.TimedOut("write"); }
        var allowed = _faults.Admit("write", buffer.Length);
        await _inner.WriteAsync(_faults.CorruptCopy(buffer.Span[..allowed]) ?? buffer[..allowed], cancellationToken);
        if (allowed < buffer.Length) throw _faults.WriteCut();
    }

    public override void Flush() => _inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen) _inner.Dispose();
        base.Dispose(disposing);
    }
}
