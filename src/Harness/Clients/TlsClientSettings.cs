using System.Net.Security;
using System.Security.Authentication;
using ChaosFeatures.EvilPeer.Tls;

namespace ChaosFeatures.Harness.Clients;

/// <summary>How our TLS clients (the <c>tls</c> and <c>https</c> drivers) authenticate the peer.</summary>
public sealed record TlsClientSettings
{
    /// <summary>SNI and the name the certificate must carry; default <c>localhost</c>, which the test certificates name.</summary>
    public string TargetHost { get; init; } = TestCertificateAuthority.HostName;

    /// <summary>None = the OS default (TLS 1.2 and 1.3 here).</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.None;

    public bool AllowRenegotiation { get; init; } = true;

    /// <summary>Whose root is trusted (custom trust store: the machine's trust is not involved); default the process's test authority.</summary>
    public TestCertificateAuthority Authority { get; init; } = TestCertificateAuthority.Shared;

    public SslClientAuthenticationOptions ToOptions() => new()
    {
        TargetHost = TargetHost,
        EnabledSslProtocols = Protocols,
        AllowRenegotiation = AllowRenegotiation,
        CertificateChainPolicy = Authority.TrustPolicy(),
    };
}
