using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChaosFeatures.Harness.Toxiproxy;

/// <summary>
/// Toxiproxy's HTTP API as its users drive it (the same calls its clients and CLI make), against any
/// Toxiproxy-compatible server: ours (<c>evilpeer server</c>) or a real Toxiproxy. A call the server refuses
/// throws <see cref="ToxiproxyApiException"/> with its status and error text.
/// </summary>
public sealed class ToxiproxyApi(Uri url) : IDisposable
{
    private static readonly TimeSpan CallBound = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http = new() { BaseAddress = url, Timeout = CallBound };

    public Uri Url { get; } = url;

    /// <returns>The address the proxy listens on, as the server resolved it.</returns>
    public async Task<string> CreateProxyAsync(string name, string listen, string upstream, CancellationToken ct)
    {
        var proxy = await SendJsonAsync(HttpMethod.Post, "/proxies", new JsonObject { ["name"] = name, ["listen"] = listen, ["upstream"] = upstream }, ct);
        return (string?)proxy?["listen"] ?? throw new ToxiproxyApiException(HttpStatusCode.OK, $"proxy {name}: the answer names no listen address");
    }

    public Task AddToxicAsync(string proxy, ToxicRequest toxic, CancellationToken ct) =>
        SendJsonAsync(HttpMethod.Post, $"/proxies/{Uri.EscapeDataString(proxy)}/toxics", toxic.ToJson(), ct);

    public Task UpdateToxicAsync(string proxy, string toxic, JsonObject attributes, CancellationToken ct) =>
        SendJsonAsync(HttpMethod.Post, $"/proxies/{Uri.EscapeDataString(proxy)}/toxics/{Uri.EscapeDataString(toxic)}",
            new JsonObject { ["attributes"] = attributes }, ct);

    public Task RemoveToxicAsync(string proxy, string toxic, CancellationToken ct) =>
        SendJsonAsync(HttpMethod.Delete, $"/proxies/{Uri.EscapeDataString(proxy)}/toxics/{Uri.EscapeDataString(toxic)}", null, ct);

    public Task SetEnabledAsync(string proxy, bool enabled, CancellationToken ct) =>
        SendJsonAsync(HttpMethod.Post, $"/proxies/{Uri.EscapeDataString(proxy)}", new JsonObject { ["enabled"] = enabled }, ct);

    public Task DeleteProxyAsync(string proxy, CancellationToken ct) =>
        SendJsonAsync(HttpMethod.Delete, $"/proxies/{Uri.EscapeDataString(proxy)}", null, ct);

    public Task ResetAsync(CancellationToken ct) => SendJsonAsync(HttpMethod.Post, "/reset", null, ct);

    public Task PopulateAsync(string json, CancellationToken ct) => SendRawAsync(HttpMethod.Post, "/populate", json, ct, throwOnError: true);

    /// <returns>The proxy's toxics by name, in the order the server lists them.</returns>
    public async Task<IReadOnlyList<string>> ToxicNamesAsync(string proxy, CancellationToken ct)
    {
        var toxics = await SendJsonAsync(HttpMethod.Get, $"/proxies/{Uri.EscapeDataString(proxy)}/toxics", null, ct);
        return [.. (toxics as JsonArray ?? []).Select(t => (string?)t?["name"] ?? "")];
    }

    /// <summary>Any request, as a client would send it; the answer whatever its status (for tests of what the server refuses).</summary>
    public Task<ToxiproxyAnswer> SendRawAsync(HttpMethod method, string path, string? body, CancellationToken ct) =>
        SendRawAsync(method, path, body, ct, throwOnError: false);

    private async Task<JsonNode?> SendJsonAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct)
    {
        var answer = await SendRawAsync(method, path, body?.ToJsonString(), ct, throwOnError: true);
        return answer.Body.Length == 0 ? null : JsonNode.Parse(answer.Body);
    }

    private async Task<ToxiproxyAnswer> SendRawAsync(HttpMethod method, string path, string? body, CancellationToken ct, bool throwOnError)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, ct);
        var answer = new ToxiproxyAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        if (throwOnError && !response.IsSuccessStatusCode)
            throw new ToxiproxyApiException(response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {answer.Error ?? answer.Body}");
        return answer;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A status and a body; <see cref="Error"/> is the <c>error</c> field Toxiproxy puts in its error bodies.</summary>
public sealed record ToxiproxyAnswer(HttpStatusCode Status, string Body)
{
    public string? Error
    {
        get
        {
            try { return JsonNode.Parse(Body)?["error"]?.GetValue<string>(); }
            catch (JsonException) { return null; }
            catch (InvalidOperationException) { return null; }
        }
    }
}

public sealed class ToxiproxyApiException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
