using System.Diagnostics;
using System.Net;

namespace ChaosFeatures.EvilPeer.Tests.Http;

/// <summary>What a real HttpClient saw: the status (once headers arrived), the body bytes it read, and how it ended.</summary>
internal sealed record HttpClientResult(int? Status, byte[] Body, Exception? Error, TimeSpan Elapsed)
{
    public HttpRequestError? RequestError => Error switch
    {
        HttpIOException io => io.HttpRequestError,
        HttpRequestException request => request.HttpRequestError,
        _ => null,
    };

    public bool IsReset
    {
        get
        {
            for (Exception? e = Error; e is not null; e = e.InnerException)
                if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionReset }) return true;
            return false;
        }
    }
}

/// <summary>
/// A real HttpClient against a peer, headers and body both bounded: HttpClient.Timeout covers only
/// the headers once a response streams, so the body read carries its own token.
/// </summary>
internal static class HttpClientProbe
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static async Task<HttpClientResult> SendAsync(HttpClient client, HttpRequestMessage request, TimeSpan? bound = null)
    {
        using var cts = new CancellationTokenSource(bound ?? Bound);
        var clock = Stopwatch.StartNew();
        var body = new MemoryStream();
        int? status = null;
        try
        {
            using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            status = (int)response.StatusCode;
            await using Stream stream = await response.Content.ReadAsStreamAsync(cts.Token);
            var buffer = new byte[8192];
            int n;
            while ((n = await stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                body.Write(buffer, 0, n);
                if (body.Length > 1024 * 1024) break; // an endless body: enough seen
            }
            return new HttpClientResult(status, body.ToArray(), null, clock.Elapsed);
        }
        catch (Exception e)
        {
            return new HttpClientResult(status, body.ToArray(), e, clock.Elapsed);
        }
    }

    public static Task<HttpClientResult> GetAsync(HttpClient client, IPEndPoint peer, string path = "/", TimeSpan? bound = null) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Get, $"http://{peer}{path}"), bound);

    /// <summary>A client that keeps no connection past its disposal and never waits long for a connect.</summary>
    public static HttpClient NewClient() =>
        new(new SocketsHttpHandler { ConnectTimeout = Bound, PooledConnectionLifetime = Bound }) { Timeout = Timeout.InfiniteTimeSpan };
}
