namespace ChaosFeatures.Harness.Clients;

/// <summary>How a client transfer ended. Steps assert on these, so features read the same whichever client stack ran.</summary>
public enum Outcome
{
    /// <summary>Everything expected arrived (or was sent) intact.</summary>
    Completed,
    /// <summary>The peer closed cleanly (FIN) before the expected length.</summary>
    Eof,
    /// <summary>Connection reset, aborted or broken pipe (RST).</summary>
    Reset,
    /// <summary>Nobody listening.</summary>
    Refused,
    /// <summary>The request's own timeout elapsed.</summary>
    Timeout,
    /// <summary>The caller's token (e.g. a killer task) cancelled the transfer.</summary>
    Cancelled,
    /// <summary>The expected length arrived but the bytes differ (or more bytes than expected arrived).</summary>
    Corrupt,
    /// <summary>Anything else; the result's error text says what.</summary>
    Error,
    /// <summary>
    /// The TLS handshake failed on TLS's own terms: the client rejected the certificate (untrusted,
    /// expired, wrong host) or the TLS protocol was broken off by an alert. Not a transport ending:
    /// a handshake cut by FIN is <see cref="Eof"/>, by RST <see cref="Reset"/>, by silence <see cref="Timeout"/>.
    /// </summary>
    Handshake,
}
