using ChaosFeatures.Harness.Clients;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>How a task's transfers run: which client driver, when it gives up, and how its HTTP requests retry.</summary>
public sealed class TaskSettings
{
    public const int DefaultTimeoutMs = 10_000;

    /// <summary>An hour: no scenario runs longer (its watchdog cuts it far sooner), so a larger value is a typo.</summary>
    public const int MaxTimeoutMs = 3_600_000;

    private string? _chosenDriver;

    public IClientDriver Driver { get; private set; } = ClientDrivers.Get("socket");
    public TimeSpan Timeout { get; private set; } = TimeSpan.FromMilliseconds(DefaultTimeoutMs);

    /// <summary>Set by the retry steps: the task's HTTP requests go through the resilience handler with these values.</summary>
    public HttpResilience? Resilience { get; private set; }

    /// <summary>An unknown name fails here, listing the known drivers.</summary>
    public void UseDriver(string name)
    {
        Driver = ClientDrivers.Get(name);
        _chosenDriver = name;
    }

    public void GiveUpAfter(int ms) => Timeout = ms is >= 1 and <= MaxTimeoutMs
        ? TimeSpan.FromMilliseconds(ms)
        : throw new ArgumentOutOfRangeException(nameof(ms), ms, $"gives up after: {ms} is out of range 1..{MaxTimeoutMs} ms");

    /// <summary>Retries after the first attempt and the pause before each (validated by <see cref="HttpResilience"/>).</summary>
    public void RetryRequests(int retries, int delayMs) =>
        Resilience = (Resilience ?? new HttpResilience()) with { MaxRetries = retries, RetryDelay = TimeSpan.FromMilliseconds(delayMs) };

    /// <summary>Each attempt's bound up to the response headers; implies the retry handler (3 retries unless told).</summary>
    public void BoundAttempts(int ms) =>
        Resilience = (Resilience ?? new HttpResilience()) with { AttemptTimeout = TimeSpan.FromMilliseconds(ms) };

    /// <summary>
    /// The HttpClient settings of the task's HTTP requests: its driver's when it chose an HTTP one, else
    /// http or https as the peer's clients speak (<paramref name="tls"/>); the retry steps override the driver's handler.
    /// </summary>
    /// <exception cref="InvalidOperationException">The task chose a driver that does not speak HTTP.</exception>
    public HttpClientSettings HttpSettings(string task, bool tls)
    {
        HttpClientSettings settings = Driver switch
        {
            HttpClientDriver http => http.Settings,
            _ when _chosenDriver is null => new HttpClientSettings { Https = tls },
            _ => throw new InvalidOperationException($"task \"{task}\" uses the {_chosenDriver} driver, which does not speak HTTP; HTTP requests take " +
                "http, https, http-retry or https-retry (or no driver step: http or https as the peer speaks)"),
        };
        return Resilience is null ? settings : settings with { Resilience = Resilience };
    }
}
