namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>
/// Unwinds a behaviour after a TLS fault has cut its stream and already ended the connection
/// as planned: the fault worked, so it is not an error.
/// </summary>
internal sealed class TlsFaultFiredException(TlsFaultKind fault) : Exception($"TLS fault {fault} fired")
{
    public TlsFaultKind Fault { get; } = fault;
}
