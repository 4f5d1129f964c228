namespace ChaosFeatures.Control.Api;

/// <summary>
/// A request that fails the way Toxiproxy fails it: the status and message its clients match on
/// (the Go client prints <c>HTTP 409: proxy already exists</c>). Thrown where the input is checked,
/// turned into <c>{"error":…,"status":…}</c> at the edge.
/// </summary>
internal sealed class ApiError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiError BadBody(string detail) => new(400, $"bad request body: {detail}");

    public static ApiError MissingField(string field) => new(400, $"missing required field: {field}");

    public static ApiError ProxyNotFound() => new(404, "proxy not found");

    public static ApiError ToxicNotFound() => new(404, "toxic not found");

    public static ApiError ProxyExists() => new(409, "proxy already exists");

    public static ApiError ToxicExists() => new(409, "toxic already exists");

    public static ApiError InvalidStream() => new(400, "stream was invalid, can be either upstream or downstream");

    public static ApiError InvalidToxicType() => new(400, "invalid toxic type");
}
