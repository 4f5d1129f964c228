using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>
/// TLS on a peer's (or a proxy listener's) accepted connections: the certificate it presents and
/// how it breaks the protocol. What .NET's SslStream client (OpenSSL 3 on Linux) does under each
/// fault is pinned by tests/EvilPeer.Tests/Tls: the handshake stops read as EOF, reset or a
/// timeout; a FIN after a whole record without close_notify reads as a clean EOF, exactly like
/// close_notify (SslStream does not report truncation at a record boundary); a FIN inside a record
/// throws an IOException.
/// </summary>
public sealed record TlsOptions
{
    public const int MaxHandshakeDelayMs = 3_600_000;

    /// <param name="certificate">Which run-time certificate to present (ignored when <paramref name="serverCertificate"/> is given).</param>
    /// <param name="fault">How the handshake or the record stream breaks.</param>
    /// <param name="stop">How a stopping fault (after ClientHello, after ServerHello, mid-record) ends the connection.</param>
    /// <param name="protocols">TLS 1.2, TLS 1.3 or both (default both; the client picks the highest).</param>
    /// <param name="handshakeDelayMs">Pause before each handshake flight the peer writes (a slow handshake).</param>
    /// <param name="closeNotify">Send close_notify before the TCP FIN that ends a connection; false is a truncation.</param>
    /// <param name="serverCertificate">A certificate with its private key, e.g. one a parent process passed to a forked peer.</param>
    /// <param name="authority">Where <paramref name="certificate"/> comes from; default <see cref="TestCertificateAuthority.Shared"/>.</param>
    public TlsOptions(TlsCertificateKind certificate = TlsCertificateKind.Trusted, TlsFaultKind fault = TlsFaultKind.None,
        TlsStopMode stop = TlsStopMode.Fin, SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        int handshakeDelayMs = 0, bool closeNotify = true, X509Certificate2? serverCertificate = null,
        TestCertificateAuthority? authority = null)
    {
        bool stops = fault is TlsFaultKind.StopAfterClientHello or TlsFaultKind.StopAfterServerHello or TlsFaultKind.MidRecord;
        new Validator("tls options")
            .Require(Enum.IsDefined(certificate), "tls.certificate", $"{certificate} is not one of {string.Join(", ", Enum.GetNames<TlsCertificateKind>())}")
            .Require(Enum.IsDefined(fault), "tls.fault", $"{fault} is not one of {string.Join(", ", Enum.GetNames<TlsFaultKind>())}")
            .Require(Enum.IsDefined(stop), "tls.stop", $"{stop} is not one of {string.Join(", ", Enum.GetNames<TlsStopMode>())}")
            .Require(stops || stop == TlsStopMode.Fin, "tls.stop",
                $"{stop} applies only to StopAfterClientHello, StopAfterServerHello and MidRecord (fault is {fault})")
            .Require(protocols is SslProtocols.Tls12 or SslProtocols.Tls13 or (SslProtocols.Tls12 | SslProtocols.Tls13),
                "tls.protocols", $"{protocols} is not one of Tls12, Tls13, Tls12|Tls13")
            // RFC 8446 removed renegotiation; .NET's TLS 1.3 substitute (post-handshake client auth)
            // fails on OpenSSL because SslStream clients do not offer post_handshake_auth.
            .Require(fault != TlsFaultKind.Renegotiate || protocols == SslProtocols.Tls12, "tls.protocols",
                $"Renegotiate needs Tls12 only ({protocols} given): TLS 1.3 has no renegotiation")
            .Range("tls.handshakeDelay", handshakeDelayMs, 0, MaxHandshakeDelayMs, "ms")
            .Require(serverCertificate is null || serverCertificate.HasPrivateKey, "tls.serverCertificate", "must carry its private key")
            .ThrowIfAny();
        Certificate = certificate;
        Fault = fault;
        Stop = stop;
        Protocols = protocols;
        HandshakeDelayMs = handshakeDelayMs;
        CloseNotify = closeNotify;
        ServerCertificate = serverCertificate;
        Authority = authority ?? TestCertificateAuthority.Shared;
    }

    public TlsCertificateKind Certificate { get; }
    public TlsFaultKind Fault { get; }
    public TlsStopMode Stop { get; }
    public SslProtocols Protocols { get; }
    public int HandshakeDelayMs { get; }
    public bool CloseNotify { get; }
    public X509Certificate2? ServerCertificate { get; }
    public TestCertificateAuthority Authority { get; }

    /// <summary>What the peer presents: the given certificate, or the authority's of <see cref="Certificate"/>.</summary>
    public X509Certificate2 ResolveCertificate() => ServerCertificate ?? Authority.ServerCertificate(Certificate);
}
