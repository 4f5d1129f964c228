namespace ChaosFeatures.Harness.Clients;

/// <summary>
/// The retry/timeout handler of the <c>http-retry</c> drivers: Microsoft.Extensions.Http.Resilience's
/// ResilienceHandler over a Polly pipeline of retry (its HttpRetryStrategyOptions: 5xx, 408, 429,
/// HttpRequestException and attempt timeouts are transient) and a per-attempt timeout. Constant
/// delay, no jitter, time from <see cref="Time"/>: a scenario's retries are deterministic.
/// Validated where it is set, naming the field and range.
/// </summary>
public sealed record HttpResilience
{
    /// <summary>Retries after the first attempt, 1..100. Default 3.</summary>
    public int MaxRetries
    {
        get;
        init => field = value is >= 1 and <= 100 ? value : throw new ArgumentException($"HttpResilience.MaxRetries={value} is invalid; accepted: 1..100");
    } = 3;

    /// <summary>Pause before each retry, 0..60 s. Default 50 ms.</summary>
    public TimeSpan RetryDelay
    {
        get;
        init => field = value >= TimeSpan.Zero && value <= TimeSpan.FromSeconds(60) ? value
            : throw new ArgumentException($"HttpResilience.RetryDelay={value} is invalid; accepted: 0..60 s");
    } = TimeSpan.FromMilliseconds(50);

    /// <summary>Each attempt's bound (to response headers), 10 ms..1 h (Polly's own lower limit is 10 ms). Default 2 s.</summary>
    public TimeSpan AttemptTimeout
    {
        get;
        init => field = value >= TimeSpan.FromMilliseconds(10) && value <= TimeSpan.FromHours(1) ? value
            : throw new ArgumentException($"HttpResilience.AttemptTimeout={value} is invalid; accepted: 10 ms..1 h");
    } = TimeSpan.FromSeconds(2);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
