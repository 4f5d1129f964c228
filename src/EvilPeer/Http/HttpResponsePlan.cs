using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Http;

/// <summary>
/// One scripted HTTP/1.1 response and how it misbehaves: status and headers, delays, lying or
/// broken framing, a cut mid-body, a slow or endless body, keep-alive or close. Immutable and
/// validated here, where it enters; the writer trusts it.
/// </summary>
public sealed record HttpResponsePlan
{
    public const int MaxDelayMs = 3_600_000;
    public const int MaxBytesPerSecond = 1_000_000_000;

    /// <summary>Headers the plan's own fields write; a plan that set them by hand would contradict its framing.</summary>
    private static readonly string[] FramingHeaders = ["Content-Length", "Transfer-Encoding", "Connection"];

    /// <param name="status">Status code, 200..599.</param>
    /// <param name="body">The body bytes (repeated for an endless body).</param>
    /// <param name="reason">Reason phrase; null = the standard one (e.g. <c>Service Unavailable</c>).</param>
    /// <param name="headers">Extra headers, in order; not Content-Length, Transfer-Encoding or Connection (see the framing fields).</param>
    /// <param name="framing">How the body's end is told.</param>
    /// <param name="contentLengthDelta">Content-Length says body length + this: positive promises bytes never sent, negative hides the tail.</param>
    /// <param name="chunkSize">Chunked: bytes per chunk; 0 = the whole body as one chunk.</param>
    /// <param name="chunkFault">Chunked: cut mid-chunk or a bad chunk size.</param>
    /// <param name="cutAfterBodyBytes">Stop after this many body bytes (framing bytes not counted) and end as <paramref name="cutMode"/>; -1 = no cut.</param>
    /// <param name="cutMode">How a cut response ends: FIN, RST or hold.</param>
    /// <param name="delayBeforeStatusMs">Pause after the request before the status line.</param>
    /// <param name="delayBetweenHeadersMs">Pause before each header line and before the blank line that ends them.</param>
    /// <param name="delayBeforeBodyMs">Pause after the headers before the body.</param>
    /// <param name="bodyBytesPerSecond">Pace the body at this rate; 0 = as fast as the socket takes it.</param>
    /// <param name="endless">The body never ends (chunked or close-delimited only): it repeats until the client goes or the peer stops.</param>
    /// <param name="connectionClose">Send <c>Connection: close</c> and FIN after the response instead of waiting for the next request.</param>
    public HttpResponsePlan(int status = 200, ReadOnlyMemory<byte> body = default, string? reason = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, HttpFraming framing = HttpFraming.ContentLength,
        long contentLengthDelta = 0, int chunkSize = 0, HttpChunkFault chunkFault = HttpChunkFault.None,
        long cutAfterBodyBytes = -1, HttpCutMode cutMode = HttpCutMode.Fin, int delayBeforeStatusMs = 0,
        int delayBetweenHeadersMs = 0, int delayBeforeBodyMs = 0, int bodyBytesPerSecond = 0, bool endless = false,
        bool connectionClose = false)
    {
        headers ??= [];
        bool cuts = cutAfterBodyBytes >= 0 || chunkFault != HttpChunkFault.None;
        new Validator("http response")
            .Range("http.status", status, 200, 599)
            .Require(reason is null || !reason.AsSpan().ContainsAny('\r', '\n'), "http.reason", "must not contain CR or LF")
            .Require(headers.All(h => IsToken(h.Key)), "http.headers", "names must be non-empty HTTP tokens (letters, digits, !#$%&'*+-.^_`|~)")
            .Require(headers.All(h => h.Value is not null && !h.Value.AsSpan().ContainsAny('\r', '\n')), "http.headers", "values must not contain CR or LF")
            .Require(!headers.Any(h => FramingHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)), "http.headers",
                "Content-Length, Transfer-Encoding and Connection come from framing, contentLengthDelta and connectionClose")
            .Require(Enum.IsDefined(framing), "http.framing", $"{framing} is not one of {string.Join(", ", Enum.GetNames<HttpFraming>())}")
            .Require(Enum.IsDefined(chunkFault), "http.chunkFault", $"{chunkFault} is not one of {string.Join(", ", Enum.GetNames<HttpChunkFault>())}")
            .Require(Enum.IsDefined(cutMode), "http.cutMode", $"{cutMode} is not one of {string.Join(", ", Enum.GetNames<HttpCutMode>())}")
            .Require(contentLengthDelta == 0 || framing == HttpFraming.ContentLength, "http.contentLengthDelta", "needs framing ContentLength")
            .Range("http.contentLengthDelta", contentLengthDelta, -body.Length, int.MaxValue, "bytes")
            .Range("http.chunkSize", chunkSize, 0, int.MaxValue, "bytes")
            .Require(chunkSize == 0 || framing == HttpFraming.Chunked, "http.chunkSize", "needs framing Chunked")
            .Require(chunkFault == HttpChunkFault.None || framing == HttpFraming.Chunked, "http.chunkFault", "needs framing Chunked")
            .Require(chunkFault != HttpChunkFault.CutMidChunk || body.Length >= 2, "http.chunkFault", "CutMidChunk needs a body of at least 2 bytes")
            .Require(chunkFault == HttpChunkFault.None || cutAfterBodyBytes < 0, "http.cutAfterBodyBytes", "a chunk fault already decides where the response is cut")
            .Range("http.cutAfterBodyBytes", cutAfterBodyBytes, -1, endless ? long.MaxValue : body.Length, "bytes")
            .Require(cuts || cutMode == HttpCutMode.Fin, "http.cutMode", "applies only with cutAfterBodyBytes or a chunk fault")
            .Range("http.delayBeforeStatus", delayBeforeStatusMs, 0, MaxDelayMs, "ms")
            .Range("http.delayBetweenHeaders", delayBetweenHeadersMs, 0, MaxDelayMs, "ms")
            .Range("http.delayBeforeBody", delayBeforeBodyMs, 0, MaxDelayMs, "ms")
            .Range("http.bodyBytesPerSecond", bodyBytesPerSecond, 0, MaxBytesPerSecond, "bytes/s")
            .Require(!endless || framing != HttpFraming.ContentLength, "http.endless", "needs framing Chunked or CloseDelimited (a length would end it)")
            .Require(!endless || chunkFault == HttpChunkFault.None, "http.endless", "an endless body has no last chunk to break")
            .ThrowIfAny();
        Status = status;
        Body = body;
        Reason = reason;
        Headers = headers;
        Framing = framing;
        ContentLengthDelta = contentLengthDelta;
        ChunkSize = chunkSize;
        ChunkFault = chunkFault;
        CutAfterBodyBytes = cutAfterBodyBytes;
        CutMode = cutMode;
        DelayBeforeStatusMs = delayBeforeStatusMs;
        DelayBetweenHeadersMs = delayBetweenHeadersMs;
        DelayBeforeBodyMs = delayBeforeBodyMs;
        BodyBytesPerSecond = bodyBytesPerSecond;
        Endless = endless;
        ConnectionClose = connectionClose;
    }

    public int Status { get; }
    public ReadOnlyMemory<byte> Body { get; }
    public string? Reason { get; }
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }
    public HttpFraming Framing { get; }
    public long ContentLengthDelta { get; }
    public int ChunkSize { get; }
    public HttpChunkFault ChunkFault { get; }
    public long CutAfterBodyBytes { get; }
    public HttpCutMode CutMode { get; }
    public int DelayBeforeStatusMs { get; }
    public int DelayBetweenHeadersMs { get; }
    public int DelayBeforeBodyMs { get; }
    public int BodyBytesPerSecond { get; }
    public bool Endless { get; }
    public bool ConnectionClose { get; }

    /// <summary>The connection ends after this response (Connection: close, or a close-delimited body).</summary>
    public bool ClosesConnection => ConnectionClose || Framing == HttpFraming.CloseDelimited;

    /// <summary>What the Content-Length header says (framing ContentLength only).</summary>
    public long DeclaredLength => Body.Length + ContentLengthDelta;

    /// <summary>The reason phrase sent.</summary>
    public string ReasonPhrase => Reason ?? StandardReason(Status);

    /// <summary>A plain response: <paramref name="status"/> with <paramref name="body"/>, honest Content-Length.</summary>
    public static HttpResponsePlan Of(int status, ReadOnlyMemory<byte> body = default) => new(status, body);

    private static bool IsToken(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));

    private static string StandardReason(int status) => status switch
    {
        200 => "OK", 201 => "Created", 202 => "Accepted", 204 => "No Content", 206 => "Partial Content",
        301 => "Moved Permanently", 302 => "Found", 304 => "Not Modified", 307 => "Temporary Redirect",
        400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found", 408 => "Request Timeout",
        409 => "Conflict", 413 => "Content Too Large", 429 => "Too Many Requests",
        500 => "Internal Server Error", 501 => "Not Implemented", 502 => "Bad Gateway", 503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };
}
