using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Http;

/// <summary>
/// Which requests get <see cref="Response"/>: a range of request numbers (1-based across the
/// peer's connections), a path, or both. A path ending in <c>*</c> matches by prefix.
/// </summary>
public sealed record HttpRule
{
    public const int MaxPathLength = 2048;

    /// <param name="response">What matching requests get.</param>
    /// <param name="fromRequest">First request number that matches (1-based).</param>
    /// <param name="toRequest">Last request number that matches; null = no end.</param>
    /// <param name="path">Request path (without query) that matches, e.g. <c>/items</c> or <c>/items/*</c>; null = any.</param>
    public HttpRule(HttpResponsePlan response, long fromRequest = 1, long? toRequest = null, string? path = null)
    {
        new Validator("http rule")
            .Require(response is not null, "http.rule.response", "is required")
            .Range("http.rule.fromRequest", fromRequest, 1, long.MaxValue)
            .Range("http.rule.toRequest", toRequest ?? long.MaxValue, fromRequest, long.MaxValue)
            .Require(path is null || (path.StartsWith('/') && path.Length <= MaxPathLength && !path.Any(char.IsWhiteSpace)),
                "http.rule.path", $"\"{path}\" must start with / and be 1..{MaxPathLength} characters without whitespace")
            .ThrowIfAny();
        Response = response!;
        FromRequest = fromRequest;
        ToRequest = toRequest;
        Path = path;
    }

    public HttpResponsePlan Response { get; }
    public long FromRequest { get; }
    public long? ToRequest { get; }
    public string? Path { get; }

    public bool Matches(long requestNumber, string path) =>
        requestNumber >= FromRequest && requestNumber <= (ToRequest ?? long.MaxValue) && PathMatches(path);

    private bool PathMatches(string path) => Path switch
    {
        null => true,
        [.. var prefix, '*'] => path.StartsWith(prefix, StringComparison.Ordinal),
        _ => string.Equals(Path, path, StringComparison.Ordinal),
    };
}
