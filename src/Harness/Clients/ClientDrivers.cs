using System.Collections.Concurrent;

namespace ChaosFeatures.Harness.Clients;

/// <summary>Client drivers by name: <c>socket</c>, <c>stream</c>, <c>pipe</c>, <c>tls</c>, <c>http</c>, <c>https</c>, <c>http-retry</c>, <c>https-retry</c>, plus any a user registers.</summary>
public static class ClientDrivers
{
    private static readonly ConcurrentDictionary<string, IClientDriver> Drivers = new(StringComparer.Ordinal)
    {
        ["socket"] = new TransportClientDriver("socket", socket => new SocketTransport(socket)),
        ["stream"] = new TransportClientDriver("stream", socket => new StreamTransport(socket)),
        ["pipe"] = new TransportClientDriver("pipe", socket => new PipeTransport(socket)),
        // Over TLS: the peer needs TlsOptions (and, for http, an HttpBehaviour); the test authority's root is trusted.
        ["tls"] = new SslStreamClientDriver("tls", new TlsClientSettings()),
        ["http"] = new HttpClientDriver("http", new HttpClientSettings()),
        ["https"] = new HttpClientDriver("https", new HttpClientSettings { Https = true }),
        ["http-retry"] = new HttpClientDriver("http-retry", new HttpClientSettings { Resilience = new HttpResilience() }),
        ["https-retry"] = new HttpClientDriver("https-retry", new HttpClientSettings { Https = true, Resilience = new HttpResilience() }),
    };

    public static IReadOnlyList<string> Names => Drivers.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The driver called <paramref name="name"/>; an unknown name is an error listing the known ones.</summary>
    public static IClientDriver Get(string name) =>
        Drivers.TryGetValue(name, out var driver)
            ? driver
            : throw new ArgumentException($"client driver '{name}' is unknown; known: {string.Join(", ", Names)}", nameof(name));

    /// <summary>Adds a user's driver; a name already taken is an error (so a typo cannot shadow a built-in).</summary>
    public static void Register(IClientDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        if (!Drivers.TryAdd(driver.Name, driver))
            throw new ArgumentException($"client driver '{driver.Name}' is already registered", nameof(driver));
    }
}
