using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>
/// The JSON shape of <see cref="TlsOptions"/> in a fault table (<c>"tls": {...}</c>):
/// <code>
/// {"certificate":"trusted|untrusted|expired|wrong-host","fault":"none|stop-after-client-hello|stop-after-server-hello|mid-record|reset-after-handshake|renegotiate",
///  "stop":"fin|reset|hold","protocols":"tls12|tls13|both","handshakeDelay":0,"closeNotify":true,"certificatePfxBase64":"..."}
/// </code>
/// A parent passes the certificate it made (with its key, as PKCS#12) so its clients can trust the
/// child's peer; without one the child makes its own from its own run-time authority.
/// </summary>
public sealed class TlsTable
{
    public string Certificate { get; set; } = "trusted";
    public string Fault { get; set; } = "none";
    public string Stop { get; set; } = "fin";
    public string Protocols { get; set; } = "both";
    public int HandshakeDelay { get; set; }
    public bool CloseNotify { get; set; } = true;
    public string? CertificatePfxBase64 { get; set; }

    public static TlsTable FromOptions(TlsOptions o) => new()
    {
        Certificate = TableNames.Of(o.Certificate), Fault = TableNames.Of(o.Fault), Stop = TableNames.Of(o.Stop),
        Protocols = o.Protocols switch { SslProtocols.Tls12 => "tls12", SslProtocols.Tls13 => "tls13", _ => "both" },
        HandshakeDelay = o.HandshakeDelayMs, CloseNotify = o.CloseNotify,
        CertificatePfxBase64 = Convert.ToBase64String(o.ResolveCertificate().Export(X509ContentType.Pkcs12)),
    };

    public TlsOptions ToOptions()
    {
        var check = new Validator("fault table");
        var certificate = TableNames.Parse<TlsCertificateKind>(Certificate, "tls.certificate", check);
        var fault = TableNames.Parse<TlsFaultKind>(Fault, "tls.fault", check);
        var stop = TableNames.Parse<TlsStopMode>(Stop, "tls.stop", check);
        SslProtocols protocols = Protocols switch
        {
            "tls12" => SslProtocols.Tls12, "tls13" => SslProtocols.Tls13, "both" => SslProtocols.Tls12 | SslProtocols.Tls13,
            _ => SslProtocols.None,
        };
        check.Require(protocols != SslProtocols.None, "tls.protocols", $"\"{Protocols}\" is not one of tls12, tls13, both");
        X509Certificate2? pfx = null;
        try
        {
            if (CertificatePfxBase64 is { } b64) pfx = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(b64), null);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            check.Require(false, "tls.certificatePfxBase64", $"is not a base64 PKCS#12 certificate ({e.Message})");
        }
        check.ThrowIfAny();
        return new TlsOptions(certificate, fault, stop, protocols, HandshakeDelay, CloseNotify, pfx);
    }
}
