using ChaosFeatures.EvilPeer.Http;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>
/// The JSON shape of an <see cref="HttpScript"/> in a fault table (<c>"mode":"http","http":{...}</c>):
/// <code>
/// {"response":{RESPONSE},"rules":[{"from":1,"to":2,"path":"/api/*","response":{RESPONSE}}]}
/// RESPONSE: {"status":200,"reason":null,"headers":{"X-A":"1"},"bodyText":"..." | "bodyBase64":"..." | "bodySize":N,"bodySeed":1,
///  "framing":"content-length|chunked|close-delimited","contentLengthDelta":0,"chunkSize":0,"chunkFault":"none|cut-mid-chunk|bad-chunk-size",
///  "cutAfter":-1,"cutMode":"fin|reset|hold","delayBeforeStatus":0,"delayBetweenHeaders":0,"delayBeforeBody":0,
///  "bytesPerSecond":0,"endless":false,"connectionClose":false}
/// </code>
/// </summary>
public sealed class HttpTable
{
    public HttpResponseTable Response { get; set; } = new();
    public List<HttpRuleTable> Rules { get; set; } = [];

    public static HttpTable FromScript(HttpScript script) => new()
    {
        Response = HttpResponseTable.FromPlan(script.Default),
        Rules = [.. script.Rules.Select(r => new HttpRuleTable { From = r.FromRequest, To = r.ToRequest, Path = r.Path, Response = HttpResponseTable.FromPlan(r.Response) })],
    };

    public HttpScript ToScript() =>
        new(Response.ToPlan(), [.. Rules.Select(r => new HttpRule((r.Response ?? new()).ToPlan(), r.From, r.To, r.Path))]);
}
