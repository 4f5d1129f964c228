namespace ChaosFeatures.Examples.HttpResilience.Bindings;

/// <summary>Below the resilience handler, so it sees every attempt (the first and each retry), not just the call.</summary>
internal sealed class CountingHandler(AttemptCounter counter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counter.Counters.Increment(counter.Name);
        return base.SendAsync(request, cancellationToken);
    }
}
