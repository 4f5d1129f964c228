using System.Text;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>One response of an <see cref="HttpTable"/>: the flat shape of <see cref="HttpResponsePlan"/>.</summary>
public sealed class HttpResponseTable
{
    public int Status { get; set; } = 200;
    public string? Reason { get; set; }
    public Dictionary<string, string>? Headers { get; set; }
    public string? BodyText { get; set; }
    public string? BodyBase64 { get; set; }
    public int? BodySize { get; set; }
    public ulong BodySeed { get; set; } = 1;
    public string Framing { get; set; } = "content-length";
    public long ContentLengthDelta { get; set; }
    public int ChunkSize { get; set; }
    public string ChunkFault { get; set; } = "none";
    public long CutAfter { get; set; } = -1;
    public string CutMode { get; set; } = "fin";
    public int DelayBeforeStatus { get; set; }
    public int DelayBetweenHeaders { get; set; }
    public int DelayBeforeBody { get; set; }
    public int BytesPerSecond { get; set; }
    public bool Endless { get; set; }
    public bool ConnectionClose { get; set; }

    public static HttpResponseTable FromPlan(HttpResponsePlan p) => new()
    {
        Status = p.Status, Reason = p.Reason,
        Headers = p.Headers.Count == 0 ? null : p.Headers.ToDictionary(h => h.Key, h => h.Value),
        BodyBase64 = Convert.ToBase64String(p.Body.Span), Framing = TableNames.Of(p.Framing),
        ContentLengthDelta = p.ContentLengthDelta, ChunkSize = p.ChunkSize, ChunkFault = TableNames.Of(p.ChunkFault),
        CutAfter = p.CutAfterBodyBytes, CutMode = TableNames.Of(p.CutMode), DelayBeforeStatus = p.DelayBeforeStatusMs,
        DelayBetweenHeaders = p.DelayBetweenHeadersMs, DelayBeforeBody = p.DelayBeforeBodyMs,
        BytesPerSecond = p.BodyBytesPerSecond, Endless = p.Endless, ConnectionClose = p.ConnectionClose,
    };

    public HttpResponsePlan ToPlan()
    {
        var check = new Validator("fault table");
        check.Require(new[] { BodyText, BodyBase64 }.Count(b => b is not null) + (BodySize is null ? 0 : 1) <= 1, "http.body",
            "give one of bodyText, bodyBase64, bodySize");
        check.Range("http.bodySize", BodySize ?? 0, 0, FaultTableMapping.MaxPayloadSize, "bytes");
        var framing = TableNames.Parse<HttpFraming>(Framing, "http.framing", check);
        var chunkFault = TableNames.Parse<HttpChunkFault>(ChunkFault, "http.chunkFault", check);
        var cutMode = TableNames.Parse<HttpCutMode>(CutMode, "http.cutMode", check);
        byte[] body = [];
        try
        {
            body = BodyText is { } text ? Encoding.UTF8.GetBytes(text)
                : BodyBase64 is { } b64 ? Convert.FromBase64String(b64)
                : PayloadGenerator.Generate(BodySeed, Math.Clamp(BodySize ?? 0, 0, FaultTableMapping.MaxPayloadSize));
        }
        catch (FormatException)
        {
            check.Require(false, "http.bodyBase64", "is not valid base64");
        }
        check.ThrowIfAny();
        return new HttpResponsePlan(Status, body, Reason, Headers?.ToList(), framing, ContentLengthDelta, ChunkSize, chunkFault,
            CutAfter, cutMode, DelayBeforeStatus, DelayBetweenHeaders, DelayBeforeBody, BytesPerSecond, Endless, ConnectionClose);
    }
}
