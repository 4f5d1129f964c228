namespace ChaosFeatures.EvilPeer.Http;

/// <summary>A request an HTTP peer received, as it parsed it.</summary>
/// <param name="Number">1-based across all of the peer's connections, in the order the requests were parsed.</param>
/// <param name="ConnectionId">The peer's connection it came on (1-based): sequential keep-alive requests share one.</param>
/// <param name="Method">E.g. <c>GET</c>.</param>
/// <param name="Target">The request target as sent, e.g. <c>/items?id=3</c>.</param>
/// <param name="Version">E.g. <c>HTTP/1.1</c>.</param>
/// <param name="Headers">In arrival order, names as sent.</param>
/// <param name="Body">The body (de-chunked), or its first <see cref="HttpBehaviour.MaxRecordedBodyBytes"/> bytes.</param>
/// <param name="BodyLength">The whole body's length, even when <paramref name="Body"/> holds only its start.</param>
public sealed record RecordedHttpRequest(long Number, long ConnectionId, string Method, string Target, string Version,
    IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, long BodyLength)
{
    /// <summary>The target without its query string.</summary>
    public string Path => Target.IndexOf('?') is var q and >= 0 ? Target[..q] : Target;

    /// <summary>The first header of that name (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
