using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>How TLS went on a listener's connections (a peer's or a proxy's); safe to read from any thread.</summary>
public sealed class TlsCounters
{
    private long _handshakes, _faults, _failures;

    /// <summary>TLS handshakes completed.</summary>
    public long Handshakes => Interlocked.Read(ref _handshakes);

    /// <summary>TLS faults that fired (a stop, a cut record, a reset or a renegotiation started).</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>TLS handshakes or streams the client broke off (it rejected the certificate, sent an alert, or vanished).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public override string ToString() => $"tls_handshakes={Handshakes} tls_faults={Faults} tls_failures={Failures}";

    /// <summary>Counts a TLS event by its name (tls_handshake, tls_fault, tls_failed); others are ignored.</summary>
    internal void OnEvent(string name)
    {
        switch (name)
        {
            case PeerEventNames.TlsHandshake: Interlocked.Increment(ref _handshakes); break;
            case PeerEventNames.TlsFault: Interlocked.Increment(ref _faults); break;
            case PeerEventNames.TlsFailed: Interlocked.Increment(ref _failures); break;
        }
    }
}
