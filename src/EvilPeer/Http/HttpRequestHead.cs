namespace ChaosFeatures.EvilPeer.Http;

/// <summary>A parsed request line and headers, with what they say about the body and the connection.</summary>
internal sealed record HttpRequestHead(string Method, string Target, string Version, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Transfer-Encoding whose last coding is chunked (RFC 9112 §6.3: it wins over Content-Length).</summary>
    public bool Chunked => Header("Transfer-Encoding") is { } te
        && te.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() is { } last
        && last.Equals("chunked", StringComparison.OrdinalIgnoreCase);

    public bool ExpectsContinue => string.Equals(Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase);

    /// <summary>The client asked to close after this exchange (Connection: close, or HTTP/1.0 without keep-alive).</summary>
    public bool WantsClose => Header("Connection") is { } c
        ? c.Contains("close", StringComparison.OrdinalIgnoreCase)
        : Version == "HTTP/1.0";

    public string Path => Target.IndexOf('?') is var q and >= 0 ? Target[..q] : Target;
}
