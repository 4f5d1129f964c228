using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>
/// TLS events of one connection, handed to whoever owns it (a peer or the proxy), which stamps
/// them with its actor and connection id. Null <paramref name="emit"/> means nobody listens;
/// <paramref name="count"/> hears every event's name even then (a peer's stats count them).
/// </summary>
internal sealed class TlsEvents(Action<string, KeyValuePair<string, object?>[]>? emit, Action<string>? count = null)
{
    public void ClientHello(int bytes) => Emit(PeerEventNames.TlsClientHello, [new("bytes", (long)bytes)]);

    public void Delay(int ms) => Emit(PeerEventNames.Delay, [new("ms", (long)ms), new("phase", "tls_handshake")]);

    public void Handshake(string protocol, string cipher, string certificate) =>
        Emit(PeerEventNames.TlsHandshake, [new("protocol", protocol), new("cipher", cipher), new("certificate", certificate)]);

    public void Fault(TlsFaultKind fault, int bytesOfWrite) =>
        Emit(PeerEventNames.TlsFault, [new("fault", fault.ToString()), new("bytes", (long)bytesOfWrite)]);

    public void Failed(string message) => Emit(PeerEventNames.TlsFailed, [new("message", message)]);

    public void Renegotiated() => Emit(PeerEventNames.TlsRenegotiated, []);

    public void CloseNotify() => Emit(PeerEventNames.TlsCloseNotify, []);

    private void Emit(string name, KeyValuePair<string, object?>[] fields)
    {
        count?.Invoke(name);
        emit?.Invoke(name, fields);
    }
}
