using System.Security.Authentication;
using ChaosFeatures.EvilPeer.Tls;

namespace ChaosFeatures.Harness.Peers;

/// <summary>
/// The TLS of a peer or of a proxy's listener as Given steps build it, one aspect per step: the certificate
/// it presents, one fault and how that fault ends the connection, the protocol versions, a slow handshake,
/// and whether it ends with close_notify. <see cref="ToOptions"/> makes the validated <see cref="TlsOptions"/>.
/// </summary>
public sealed class TlsSpec(string owner)
{
    private TlsCertificateKind _certificate = TlsCertificateKind.Trusted;
    private TlsFaultKind _fault = TlsFaultKind.None;
    private TlsStopMode _stop = TlsStopMode.Fin;
    private SslProtocols? _protocols;
    private int _handshakeDelayMs;
    private bool _closeNotify = true;

    /// <summary>Whose TLS this is, for messages: <c>evil peer "EP"</c> or <c>the proxy of peer "EP"</c>.</summary>
    public string Owner { get; } = owner;

    public TlsFaultKind Fault => _fault;

    public void Present(TlsCertificateKind certificate) => _certificate = certificate;

    /// <summary>One fault per TLS end: a second, different one is a mistake in the feature (it could only mean one of them).</summary>
    public void Break(TlsFaultKind fault, TlsStopMode stop = TlsStopMode.Fin)
    {
        if (_fault != TlsFaultKind.None && (_fault, _stop) != (fault, stop))
            throw new InvalidOperationException($"{Owner} already has the TLS fault {_fault} ({_stop}); a TLS end has one fault");
        (_fault, _stop) = (fault, stop);
        _ = ToOptions(); // a fault that cannot go with the chosen protocols fails at its step
    }

    public void Protocols(SslProtocols protocols)
    {
        _protocols = protocols;
        _ = ToOptions();
    }

    public void SlowHandshake(int ms)
    {
        _handshakeDelayMs = ms;
        _ = ToOptions();
    }

    /// <summary>End with a bare TCP FIN, no close_notify (a truncation).</summary>
    public void Truncate() => _closeNotify = false;

    /// <summary>Renegotiation exists only up to TLS 1.2, so unless the protocols were chosen it pins TLS 1.2.</summary>
    public TlsOptions ToOptions() => new(_certificate, _fault, _stop,
        _protocols ?? (_fault == TlsFaultKind.Renegotiate ? SslProtocols.Tls12 : SslProtocols.Tls12 | SslProtocols.Tls13),
        _handshakeDelayMs, _closeNotify);
}
