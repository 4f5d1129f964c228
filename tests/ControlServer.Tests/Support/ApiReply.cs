namespace ChaosFeatures.Control.Tests.Support;

/// <summary>What a Toxiproxy API answered: the status, the headers clients read, and the body text.</summary>
public sealed record ApiReply(int Status, string? ContentType, bool HasRequestId, string Body)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;

    /// <summary>The Go client's error text: <c>HTTP 400: missing required field: name</c>.</summary>
    public string GoClientError => $"HTTP {Status}: {Json.GetProperty("error").GetString()}";

    public override string ToString() => $"{Status} {ContentType} {Body}";
}
