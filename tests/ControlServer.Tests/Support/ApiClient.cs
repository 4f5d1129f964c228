using System.Net.Http.Headers;
using System.Text;

namespace ChaosFeatures.Control.Tests.Support;

/// <summary>Raw HTTP to a Toxiproxy-compatible API, every call bounded (a hung server fails the test).</summary>
public sealed class ApiClient(Uri url) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        BaseAddress = url,
        Timeout = TimeSpan.FromSeconds(15),
    };

    public Uri Url => url;

    public Task<ApiReply> GetAsync(string path, string? userAgent = null) => SendAsync("GET", path, null, userAgent);

    public Task<ApiReply> PostAsync(string path, string? body) => SendAsync("POST", path, body);

    public Task<ApiReply> PatchAsync(string path, string? body) => SendAsync("PATCH", path, body);

    public Task<ApiReply> DeleteAsync(string path) => SendAsync("DELETE", path, null);

    public async Task<ApiReply> SendAsync(string method, string path, string? body, string? userAgent = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        if (userAgent is not null) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        using HttpResponseMessage response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        string? contentType = response.Content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(",", values) : null;
        return new ApiReply((int)response.StatusCode, contentType, response.Headers.Contains("X-Toxiproxy-Request-Id"), text);
    }

    /// <summary>
    /// Blocking, for a dedicated thread: a latency measured this way is the server's, not the time
    /// a continuation waited in this process's busy thread pool.
    /// </summary>
    public ApiReply Send(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using HttpResponseMessage response = _http.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        return new ApiReply((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Headers.Contains("X-Toxiproxy-Request-Id"), reader.ReadToEnd());
    }

    public void Dispose() => _http.Dispose();
}
