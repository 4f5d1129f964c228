using System.Text;

namespace ChaosFeatures.EvilPeer.Http;

/// <summary>
/// A recorded request as event fields and back: a forked peer's parent rebuilds
/// <see cref="Peers.PeerStats.HttpRequests"/> from these. Headers travel as <c>Name: value</c> lines,
/// the body as base64 of its first <see cref="HttpBehaviour.MaxEventBodyBytes"/> bytes.
/// </summary>
public static class HttpRequestEvent
{
    public static KeyValuePair<string, object?>[] Fields(RecordedHttpRequest r) =>
    [
        new("number", r.Number), new("method", r.Method), new("target", r.Target), new("version", r.Version),
        new("headers", string.Join("\n", r.Headers.Select(h => $"{h.Key}: {h.Value}"))),
        new("body_bytes", r.BodyLength),
        new("body", Convert.ToBase64String(r.Body.AsSpan(0, Math.Min(r.Body.Length, HttpBehaviour.MaxEventBodyBytes)))),
    ];

    /// <summary>The request an <see cref="Events.PeerEventNames.HttpRequest"/> event describes; null when a field is missing or malformed.</summary>
    public static RecordedHttpRequest? Parse(Events.PeerEvent e)
    {
        object? Field(string key) => e.Fields.FirstOrDefault(f => f.Key == key).Value;
        if (Field("number") is not long number || Field("method") is not string method || Field("target") is not string target
            || Field("version") is not string version || Field("headers") is not string headers
            || Field("body_bytes") is not long length || Field("body") is not string body) return null;
        try
        {
            var parsed = headers.Length == 0 ? [] : headers.Split('\n').Select(line =>
            {
                int colon = line.IndexOf(':');
                return new KeyValuePair<string, string>(line[..colon], line[(colon + 1)..].TrimStart());
            }).ToList();
            return new RecordedHttpRequest(number, e.ConnectionId, method, target, version, parsed, Convert.FromBase64String(body), length);
        }
        catch (Exception x) when (x is FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
