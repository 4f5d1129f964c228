namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>How a TLS peer breaks the protocol. See <see cref="TlsOptions"/> for what a client sees.</summary>
public enum TlsFaultKind
{
    /// <summary>A normal handshake.</summary>
    None,

    /// <summary>Read the client's ClientHello record, send nothing, then end as <see cref="TlsOptions.Stop"/> says.</summary>
    StopAfterClientHello,

    /// <summary>Send the real ServerHello record and nothing after it, then end as <see cref="TlsOptions.Stop"/> says.</summary>
    StopAfterServerHello,

    /// <summary>Complete the handshake, send the header and half the body of the first application-data record, then end.</summary>
    MidRecord,

    /// <summary>Complete the handshake, then RST at once (before any application data).</summary>
    ResetAfterHandshake,

    /// <summary>
    /// Complete a TLS 1.2 handshake, then start a renegotiation (HelloRequest) before the first
    /// application byte. A .NET client follows it transparently. Its <c>AllowRenegotiation = false</c>
    /// is not reliably enforced on Linux: in one process the same test saw the IOException "The remote
    /// party requested renegotiation when AllowRenegotiation was set to false" once and a completed
    /// renegotiation four times out of five, so no test pins it.
    /// </summary>
    Renegotiate,
}
