using System.Diagnostics;
using System.Net;
using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Clients;

/// <summary>
/// The bookkeeping of one transfer: its timeout linked to the caller's token, a summary of reads
/// and writes (one event, not one per byte), and the outcome event.
/// </summary>
internal sealed class TransferRun : IDisposable
{
    private readonly string _driver;
    private readonly string _actor;
    private readonly IChaosEventSink? _events;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly IoTally _reads = new();
    private readonly IoTally _writes = new();

    public TransferRun(string driver, string actor, IChaosEventSink? events, TimeSpan timeout, CancellationToken caller)
    {
        (_driver, _actor, _events, _caller) = (driver, actor, events, caller);
        _timeout = new CancellationTokenSource(timeout);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _timeout.Token);
    }

    public CancellationToken Token => _linked.Token;
    public long BytesReceived => _reads.Bytes;
    public long BytesSent => _writes.Bytes;

    public void Connected(EndPoint peer, EndPoint? local) =>
        _events?.Record(ChaosEvent.Of(ChaosEventKinds.Client, _actor, ChaosEventNames.Connect, ("driver", _driver), ("peer", peer.ToString()), ("local", local?.ToString())));

    public void Read(int count) => _reads.Add(count);

    /// <summary>The caller's token (a killer task) was cancelled.</summary>
    public bool CallerCancelled => _caller.IsCancellationRequested;

    /// <summary>The transfer's own timeout elapsed.</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    /// <summary>One client event of this transfer (a TLS handshake, an HTTP attempt).</summary>
    public void Note(string name, params (string, object?)[] fields)
    {
        if (_events is null) return;
        _events.Record(ChaosEvent.Of(ChaosEventKinds.Client, _actor, name, [("driver", _driver), .. fields]));
    }

    /// <summary>
    /// Reads until the source says end (0) in <paramref name="readSize"/> reads, counting each and
    /// keeping the bytes in <paramref name="received"/> (which holds what arrived even when a read throws).
    /// </summary>
    public async Task ReadToEndAsync(Func<Memory<byte>, CancellationToken, ValueTask<int>> read, int readSize, MemoryStream received)
    {
        var buffer = new byte[readSize];
        int count;
        while ((count = await read(buffer, Token)) > 0)
        {
            Read(count);
            received.Write(buffer, 0, count);
        }
    }
    public void Wrote(int count) => _writes.Add(count);

    public Outcome Classify(Exception error) =>
        OutcomeClassifier.FromException(error, _caller.IsCancellationRequested, _timeout.IsCancellationRequested);

    public TransferResult Finish(Outcome outcome, byte[] received, Exception? error)
    {
        var errorText = error is null ? null : $"{error.GetType().Name}: {error.Message}";
        if (_events is not null)
        {
            if (_reads.Count > 0) _events.Record(ChaosEvent.Of(ChaosEventKinds.Client, _actor, ChaosEventNames.Reads, _reads.Fields()));
            if (_writes.Count > 0) _events.Record(ChaosEvent.Of(ChaosEventKinds.Client, _actor, ChaosEventNames.Writes, _writes.Fields()));
            _events.Record(ChaosEvent.Of(ChaosEventKinds.Client, _actor, ChaosEventNames.Outcome, ("outcome", OutcomeClassifier.Name(outcome)),
                ("recv", _reads.Bytes), ("sent", _writes.Bytes), ("ms", Math.Round(_clock.Elapsed.TotalMilliseconds, 3)), ("error", errorText)));
        }
        return new TransferResult(outcome, _reads.Bytes, _writes.Bytes, received, errorText, _clock.Elapsed);
    }

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }

    /// <summary>Count, bytes, smallest and largest: enough to see "256 reads of 1 B" without 256 events.</summary>
    private sealed class IoTally
    {
        private long _min = long.MaxValue, _max;
        public long Count { get; private set; }
        public long Bytes { get; private set; }

        /// <summary>Reads and writes of one transfer are sequential (await orders them), so plain fields suffice.</summary>
        public void Add(int size)
        {
            Count++;
            Bytes += size;
            _min = Math.Min(_min, size);
            _max = Math.Max(_max, size);
        }

        public (string, object?)[] Fields() => [("count", Count), ("bytes", Bytes), ("min", _min), ("max", _max)];
    }
}
