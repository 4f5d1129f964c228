namespace ChaosFeatures.Harness.Clients;

/// <summary>Below the resilience handler: counts each attempt that goes out and records how it came back.</summary>
internal sealed class AttemptCounter(Action<int, string> onAttempt) : DelegatingHandler
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int attempt = Interlocked.Increment(ref _attempts);
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            onAttempt(attempt, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        }
        catch (Exception e)
        {
            onAttempt(attempt, e.GetType().Name);
            throw;
        }
    }
}
