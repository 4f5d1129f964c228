namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>
/// TLS events of one connection, handed to whoever owns it (a peer or the proxy), which stamps
/// them with its actor and connection id. Null <paramref name="emit"/> means nobody listens;
/// <paramref name="count"/> hears every event's name even then (a peer's stats count them).
/// </summary>
internal sealed class TlsEvents(Action<string, KeyValuePair<string, object?>[]>? emit, Action<string>? count = null)
{
    public void ClientHello(int bytes) => Emit("tls_client_hello", [new("bytes", (long)bytes)]);

    public void Delay(int ms) => Emit("delay", [new("ms", (long)ms), new("phase", "tls_handshake")]);

    public void Handshake(string protocol, string cipher, string certificate) =>
        Emit("tls_handshake", [new("protocol", protocol), new("cipher", cipher), new("certificate", certificate)]);

    public void Fault(TlsFaultKind fault, int bytesOfWrite) =>
        Emit("tls_fault", [new("fault", fault.ToString()), new("bytes", (long)bytesOfWrite)]);

    public void Failed(string message) => Emit("tls_failed", [new("message", message)]);

    public void Renegotiated() => Emit("tls_renegotiated", []);

    public void CloseNotify() => Emit("tls_close_notify", []);

    private void Emit(string name, KeyValuePair<string, object?>[] fields)
    {
        count?.Invoke(name);
        emit?.Invoke(name, fields);
    }
}
