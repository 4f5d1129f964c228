namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>
/// Which certificate a TLS peer presents, all made at run time by <see cref="TestCertificateAuthority"/>.
/// A client that trusts the authority's root (as our drivers do) accepts only <see cref="Trusted"/>.
/// </summary>
public enum TlsCertificateKind
{
    /// <summary>Issued by the test root for <c>localhost</c> and 127.0.0.1, valid now.</summary>
    Trusted,

    /// <summary>Self-signed for <c>localhost</c>: no chain to a trusted root (UntrustedRoot).</summary>
    Untrusted,

    /// <summary>Issued by the test root for <c>localhost</c>, but its validity ended a day ago (NotTimeValid).</summary>
    Expired,

    /// <summary>Issued by the test root, valid, but for <see cref="TestCertificateAuthority.WrongHostName"/> only (name mismatch).</summary>
    WrongHost,
}
