namespace ChaosFeatures.Harness.Clients;

/// <summary>How an <see cref="HttpClientSession"/> (and an HTTP driver) talks to a peer.</summary>
public sealed record HttpClientSettings
{
    /// <summary><c>https</c> speaks TLS per <see cref="Tls"/> and addresses the peer by <see cref="TlsClientSettings.TargetHost"/>.</summary>
    public bool Https { get; init; }

    /// <summary>What downloads GET and uploads POST, for the drivers. Default <c>/</c>.</summary>
    public string Path
    {
        get;
        init => field = value is ['/', ..] ? value : throw new ArgumentException($"HttpClientSettings.Path='{value}' is invalid; accepted: a path starting with /");
    } = "/";

    public TlsClientSettings Tls { get; init; } = new();

    /// <summary>Null: plain HttpClient. Set: retries and attempt timeouts through the resilience handler.</summary>
    public HttpResilience? Resilience { get; init; }
}
