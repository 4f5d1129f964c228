namespace ChaosFeatures.Harness.Clients;

/// <summary>One request of an <see cref="HttpClientSession"/>. Values are validated as they are set.</summary>
public sealed record HttpCall
{
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    /// <summary>Path and query, starting with <c>/</c>.</summary>
    public string Path
    {
        get;
        init => field = value is ['/', ..] ? value : throw new ArgumentException($"HttpCall.Path='{value}' is invalid; accepted: a path starting with /");
    } = "/";

    /// <summary>A request body (sent with Content-Length, in <see cref="WriteSize"/> writes); null = none.</summary>
    public ReadOnlyMemory<byte>? Body { get; init; }

    public int WriteSize
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentException($"HttpCall.WriteSize={value} is invalid; accepted: >= 1");
    } = 8192;

    /// <summary>Bytes asked for per body read. Default 8192.</summary>
    public int ReadSize
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentException($"HttpCall.ReadSize={value} is invalid; accepted: >= 1");
    } = 8192;

    /// <summary>Optional: a response body of a different length or content is eof or corrupt, as for downloads.</summary>
    public ReadOnlyMemory<byte>? ExpectedBody { get; init; }

    /// <summary>Optional: a shorter body is eof, a longer one corrupt (the body's own length when <see cref="ExpectedBody"/> is set).</summary>
    public int? ExpectedLength
    {
        get;
        init => field = value is null or >= 0 ? value : throw new ArgumentException($"HttpCall.ExpectedLength={value} is invalid; accepted: >= 0 or null");
    }

    /// <summary>A final status outside 2xx is <see cref="Outcome.Error"/> ("HTTP 503 Service Unavailable"), as the drivers want.</summary>
    public bool RequireSuccess { get; init; }

    /// <summary>For the whole call (all attempts, connect, headers and body). Default 10 s.</summary>
    public TimeSpan Timeout
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw new ArgumentException($"HttpCall.Timeout={value} is invalid; accepted: > 0");
    } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
