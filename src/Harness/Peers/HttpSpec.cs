using System.Text;
using ChaosFeatures.EvilPeer.Http;

namespace ChaosFeatures.Harness.Peers;

/// <summary>
/// An HTTP peer's script as Given steps build it: one response (status and body) with its faults, applied
/// to every request or only to some, and status-only answers for chosen requests (fail the first N, request
/// N, a path). Each step is checked at once by building the plan it implies, so a value out of range or two
/// faults that cannot go together (a Content-Length lie on a chunked body) fail at the step that adds them.
/// </summary>
public sealed class HttpSpec
{
    /// <summary>Bodies up to 256 MiB: a scenario holds the whole body in memory to judge what arrived.</summary>
    public const int MaxBodyBytes = 256 * 1024 * 1024;

    private readonly string _peer;
    private readonly int _status;
    private readonly int _bodyLength;
    private readonly Func<byte[]> _body;
    private readonly List<HttpRule> _answers = [];
    private byte[]? _resolved, _placeholder;
    private int _failFirst, _failStatus;
    private long _faultFrom = 1;
    private long? _faultTo;
    private Fields _fields = new();

    /// <param name="body">Called when the peer starts, so the pinned seeds step may come after this one.</param>
    public HttpSpec(string peer, int status, int bodyLength, Func<byte[]> body)
    {
        if (bodyLength is < 0 or > MaxBodyBytes)
            throw new ArgumentOutOfRangeException(nameof(bodyLength), bodyLength, $"HTTP peer \"{peer}\": the body is 0..{MaxBodyBytes} bytes");
        (_peer, _status, _bodyLength, _body) = (peer, status, bodyLength, body);
        Check();
    }

    /// <summary>The body every request that is not answered otherwise gets (what a download should get in full).</summary>
    public byte[] Body => _resolved ??= _body();

    public int Status => _status;

    public void ContentLengthDelta(long delta) => Set(_fields with { ContentLengthDelta = delta });
    public void Chunked(int chunkSize) => Set(_fields with { Framing = HttpFraming.Chunked, ChunkSize = chunkSize });
    public void ChunkFault(HttpChunkFault fault, HttpCutMode mode) => Set(_fields with { Framing = HttpFraming.Chunked, ChunkFault = fault, CutMode = mode });
    public void CloseDelimited() => Set(_fields with { Framing = HttpFraming.CloseDelimited });
    public void CutBody(long afterBytes, HttpCutMode mode) => Set(_fields with { CutAfter = afterBytes, CutMode = mode });
    public void DelayBeforeStatus(int ms) => Set(_fields with { DelayStatus = ms });
    public void DelayBetweenHeaders(int ms) => Set(_fields with { DelayHeaders = ms });
    public void DelayBeforeBody(int ms) => Set(_fields with { DelayBody = ms });
    public void Pace(int bytesPerSecond) => Set(_fields with { BytesPerSecond = bytesPerSecond });

    /// <summary>Chunked unless told otherwise: a length would end it.</summary>
    public void Endless() => Set(_fields with { Endless = true, Framing = _fields.Framing == HttpFraming.ContentLength ? HttpFraming.Chunked : _fields.Framing });

    /// <summary>Every response says Connection: close and the peer closes after it (not a fault: it applies to every answer).</summary>
    public void CloseAfterEachResponse() => Set(_fields with { ConnectionClose = true });

    /// <summary>Requests 1..<paramref name="count"/> get <paramref name="status"/> (honest, with a short text body) before the faults and answers apply.</summary>
    public void FailFirst(int count, int status)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, $"HTTP peer \"{_peer}\" fails the first N requests: N must be >= 1");
        (_failFirst, _failStatus) = (count, status);
        Check();
    }

    /// <summary>Request number <paramref name="request"/> (1-based, across connections) gets <paramref name="status"/>.</summary>
    public void Answer(long request, int status) => AddAnswer(new HttpRule(StatusOnly(status), request, request));

    /// <summary>Requests to <paramref name="path"/> (a trailing * matches a prefix) get <paramref name="status"/>.</summary>
    public void Answer(string path, int status) => AddAnswer(new HttpRule(StatusOnly(status), path: path));

    /// <summary>The faults apply only to requests <paramref name="from"/>..<paramref name="to"/> (null: no end); the others get the honest response.</summary>
    public void FaultsOnly(long from, long? to)
    {
        _ = new HttpRule(StatusOnly(_status), from, to); // names a bad range
        (_faultFrom, _faultTo) = (from, to);
    }

    public HttpScript ToScript() => Script(Body);

    private HttpScript Script(byte[] body)
    {
        var faulty = _fields.Plan(_status, body);
        var honest = new HttpResponsePlan(_status, body, connectionClose: _fields.ConnectionClose);
        var rules = new List<HttpRule>();
        if (_failFirst > 0) rules.Add(new HttpRule(StatusOnly(_failStatus), 1, _failFirst));
        rules.AddRange(_answers);
        bool everyRequest = _faultFrom == 1 && _faultTo is null;
        if (!everyRequest) rules.Add(new HttpRule(faulty, _faultFrom, _faultTo));
        return new HttpScript(everyRequest ? faulty : honest, rules);
    }

    private HttpResponsePlan StatusOnly(int status) =>
        new(status, Encoding.ASCII.GetBytes($"evil peer {_peer}: {status}\n"), connectionClose: _fields.ConnectionClose);

    private void AddAnswer(HttpRule rule)
    {
        _answers.Add(rule);
        Check();
    }

    private void Set(Fields fields)
    {
        var before = _fields;
        _fields = fields;
        try { Check(); }
        catch
        {
            _fields = before;
            throw;
        }
    }

    /// <summary>Builds the script over a body of the right length (its bytes do not matter yet), so the EvilPeer's validation names any bad value now.</summary>
    private void Check() => Script(_placeholder ??= new byte[_bodyLength]);

    /// <summary>The response plan's fields that steps set one at a time.</summary>
    private sealed record Fields
    {
        public long ContentLengthDelta { get; init; }
        public HttpFraming Framing { get; init; } = HttpFraming.ContentLength;
        public int ChunkSize { get; init; }
        public HttpChunkFault ChunkFault { get; init; }
        public long CutAfter { get; init; } = -1;
        public HttpCutMode CutMode { get; init; }
        public int DelayStatus { get; init; }
        public int DelayHeaders { get; init; }
        public int DelayBody { get; init; }
        public int BytesPerSecond { get; init; }
        public bool Endless { get; init; }
        public bool ConnectionClose { get; init; }

        public HttpResponsePlan Plan(int status, byte[] body) => new(status, body, framing: Framing, contentLengthDelta: ContentLengthDelta,
            chunkSize: ChunkSize, chunkFault: ChunkFault, cutAfterBodyBytes: CutAfter, cutMode: CutMode, delayBeforeStatusMs: DelayStatus,
            delayBetweenHeadersMs: DelayHeaders, delayBeforeBodyMs: DelayBody, bodyBytesPerSecond: BytesPerSecond, endless: Endless,
            connectionClose: ConnectionClose);
    }
}
