using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>
/// A throw-away certificate authority made in memory at run time (nothing is written to disk or
/// to a certificate store): a root, and per <see cref="TlsCertificateKind"/> one server certificate.
/// Clients trust <see cref="Root"/> through a custom trust store
/// (<c>X509ChainTrustMode.CustomRootTrust</c>), so the machine's trust is never touched.
/// ECDSA P-256 keys: a certificate costs about a millisecond, where RSA key generation costs tens.
/// </summary>
public sealed class TestCertificateAuthority
{
    /// <summary>The name (and SAN) of every certificate except <see cref="TlsCertificateKind.WrongHost"/>.</summary>
    public const string HostName = "localhost";

    /// <summary>The only name in the wrong-host certificate (.invalid never resolves, RFC 2606).</summary>
    public const string WrongHostName = "wrong-host.invalid";

    private static readonly Lazy<TestCertificateAuthority> Process = new(() => new TestCertificateAuthority(TimeProvider.System));
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");

    private readonly ConcurrentDictionary<TlsCertificateKind, Lazy<X509Certificate2>> _issued = new();
    private readonly X509Certificate2 _rootWithKey;
    private readonly DateTimeOffset _now;
    private long _serial;

    /// <param name="time">Validity periods are set around this clock's now.</param>
    public TestCertificateAuthority(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _now = time.GetUtcNow();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ChaosFeatures test root", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // Wide enough that the expired leaf (ended a day ago) still lies inside the issuer's validity.
        _rootWithKey = request.CreateSelfSigned(_now.AddDays(-365), _now.AddDays(365));
        Root = X509CertificateLoader.LoadCertificate(_rootWithKey.RawData);
    }

    /// <summary>One authority per process, for peers and drivers that are not given one.</summary>
    public static TestCertificateAuthority Shared => Process.Value;

    /// <summary>The root certificate, without its key: what a client puts in its custom trust store.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The server certificate (with its private key) of <paramref name="kind"/>; made once per kind.</summary>
    public X509Certificate2 ServerCertificate(TlsCertificateKind kind) =>
        _issued.GetOrAdd(kind, k => new Lazy<X509Certificate2>(() => Issue(k))).Value;

    /// <summary>A chain policy that trusts exactly <see cref="Root"/> (no revocation: nothing to fetch offline).</summary>
    public X509ChainPolicy TrustPolicy()
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(Root);
        return policy;
    }

    private X509Certificate2 Issue(TlsCertificateKind kind)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string host = kind == TlsCertificateKind.WrongHost ? WrongHostName : HostName;
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        if (kind != TlsCertificateKind.WrongHost) names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth], false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));

        (DateTimeOffset from, DateTimeOffset to) = kind == TlsCertificateKind.Expired
            ? (_now.AddDays(-30), _now.AddDays(-1))
            : (_now.AddDays(-1), _now.AddDays(30));
        if (kind == TlsCertificateKind.Untrusted) return request.CreateSelfSigned(from, to);

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_rootWithKey, true, false));
        byte[] serial = BitConverter.GetBytes(Interlocked.Increment(ref _serial) + 1000);
        using X509Certificate2 publicOnly = request.Create(_rootWithKey, from, to, serial);
        return publicOnly.CopyWithPrivateKey(key);
    }
}
