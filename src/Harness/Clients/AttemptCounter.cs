using Microsoft.Extensions.Http.Resilience;

namespace ChaosFeatures.Harness.Clients;

/// <summary>
/// Below the resilience handler: counts each attempt that goes out and records how it came back. When retries are on
/// (<paramref name="readsRetriedBodies"/>), a response the retry will replace has its body read here first: the retry
/// strategy disposes it while its body may still be arriving, HttpClient then drains it in the background, and a retry
/// sent meanwhile opens a second connection (and handshake) that races the first for the request.
/// </summary>
internal sealed class AttemptCounter(Action<int, string> onAttempt, bool readsRetriedBodies) : DelegatingHandler
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int attempt = Interlocked.Increment(ref _attempts);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e)
        {
            onAttempt(attempt, e.GetType().Name);
            throw;
        }
        onAttempt(attempt, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (readsRetriedBodies && HttpClientResiliencePredicates.IsTransient(Polly.Outcome.FromResult(response)))
        {
            // A body that breaks leaves nothing to reuse: the retry comes all the same, on a new connection.
            try { await response.Content.LoadIntoBufferAsync(cancellationToken); }
            catch (Exception e) when (e is HttpRequestException or IOException) { }
        }
        return response;
    }
}
