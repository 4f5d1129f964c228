using System.Net.Sockets;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Harness.Faults;

/// <summary>The decisions of a <see cref="FaultyStream"/>: which operation fails, how many bytes pass, which bits flip.</summary>
internal sealed class FaultInjector(FaultMode mode, IChaosEventSink? events, string actor)
{
    private readonly SplitMix64 _random = new(mode.Seed);
    private readonly object _gate = new();
    private long _operations, _transferred, _readOffset, _writeOffset;

    /// <summary>Counts the operation and decides how many of <paramref name="requested"/> bytes may move, or throws the fault.</summary>
    public int Admit(string operation, int requested)
    {
        lock (_gate)
        {
            var number = ++_operations;
            switch (mode.Kind)
            {
                case FaultKind.FailEveryNth when number % mode.Count == 0:
                    throw Inject(operation, ChaosEventNames.FailEveryNth, new IOException($"injected fault: {operation} #{number} (every {mode.Count}th fails)"));
                case FaultKind.FailAfterN:
                    var left = mode.Bytes - _transferred;
                    if (left <= 0 && requested > 0) throw Inject(operation, ChaosEventNames.FailAfterN, new IOException($"injected fault: {operation} after {mode.Bytes} bytes"));
                    var allowed = (int)Math.Min(requested, left);
                    _transferred += allowed;
                    return allowed;
                case FaultKind.PartialRead when operation == "read" && requested > mode.Count:
                    events?.Record(ChaosEvent.Of(ChaosEventKinds.Fault, actor, ChaosEventNames.PartialRead, ("requested", requested), ("max", mode.Count)));
                    return mode.Count;
                case FaultKind.ReturnError:
                    throw Inject(operation, ChaosEventNames.ReturnError, Error(mode.Error, operation));
                default:
                    return requested;
            }
        }
    }

    /// <summary>
    /// After a read: gives back what was admitted but not returned (a short read underneath, or EOF), so FailAfterN
    /// counts bytes that moved; then corrupts what arrived. Admit reserves first so concurrent operations never overshoot.
    /// </summary>
    public void Received(Span<byte> data, int admitted)
    {
        lock (_gate)
        {
            if (mode.Kind == FaultKind.FailAfterN) _transferred -= admitted - data.Length;
            Flip(data, ref _readOffset, "read");
        }
    }

    /// <summary>Null without corruption; otherwise a corrupted copy (never scribble on the caller's buffer).</summary>
    public byte[]? CorruptCopy(ReadOnlySpan<byte> data)
    {
        if (mode.Kind != FaultKind.Corrupt) return null;
        var copy = data.ToArray();
        lock (_gate) Flip(copy, ref _writeOffset, "write");
        return copy;
    }

    public IOException WriteCut() => Inject("write", ChaosEventNames.FailAfterN, new IOException($"injected fault: write cut after {mode.Bytes} bytes"));

    /// <summary>Flips one bit per chosen byte (so a corrupted byte always differs) and advances the direction's offset.</summary>
    private void Flip(Span<byte> data, ref long offset, string operation)
    {
        if (mode.Kind != FaultKind.Corrupt) return;
        var flipped = new List<long>();
        for (var i = 0; i < data.Length; i++)
        {
            var chosen = mode.Bytes >= 0 ? offset + i == mode.Bytes : _random.NextDouble() < mode.Rate;
            if (!chosen) continue;
            data[i] ^= (byte)(1 << (mode.Bytes >= 0 ? 0 : _random.NextInt(8)));
            flipped.Add(offset + i);
        }
        offset += data.Length;
        if (flipped.Count > 0)
            events?.Record(ChaosEvent.Of(ChaosEventKinds.Fault, actor, ChaosEventNames.Corrupt, ("op", operation), ("bytes", flipped.Count), ("first_offset", flipped[0])));
    }

    public TimeoutException TimedOut(string operation) =>
        Inject(operation, ChaosEventNames.Timeout, new TimeoutException($"injected fault: {operation} timed out after {mode.Count} ms"));

    private T Inject<T>(string operation, string fault, T error) where T : Exception
    {
        events?.Record(ChaosEvent.Of(ChaosEventKinds.Fault, actor, fault, ("op", operation), ("error", error.GetType().Name)));
        return error;
    }

    private static Exception Error(FaultErrorKind kind, string operation) => kind switch
    {
        FaultErrorKind.ConnectionReset => Wrapped(SocketError.ConnectionReset, operation),
        FaultErrorKind.ConnectionAborted => Wrapped(SocketError.ConnectionAborted, operation),
        FaultErrorKind.BrokenPipe => Wrapped(SocketError.Shutdown, operation),
        FaultErrorKind.TimedOut => new TimeoutException($"injected fault: {operation} timed out"),
        _ => new IOException($"injected fault: {operation} failed"),
    };

    private static IOException Wrapped(SocketError error, string operation) =>
        new($"injected fault: {operation}: {error}", new SocketException((int)error));
}
