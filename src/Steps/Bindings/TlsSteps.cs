using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.Harness.Peers;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Phrases;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(9, "TLS", "TLS on a peer (any kind: serving, reading, echoing, HTTP) or on the listener of its toxic proxy, which then " +
    "terminates TLS towards the clients (its toxics act on the plaintext; the peer behind it stays plain). Any TLS step implies " +
    "\"speaks TLS\". Certificates are made at run time by a test authority the drivers trust: trusted | untrusted | expired | wrong-host. " +
    "One fault per TLS end; a stopping fault ends as its step says: closes (FIN), resets (RST) or hangs. Clients speak TLS with " +
    "the tls driver (SslStream) or, for HTTP, https (the default when the peer speaks TLS).")]
public sealed class TlsSteps(ChaosScenario chaos)
{
    [Given("evil peer {string} speaks TLS"), StepExample("Given evil peer \"EP\" speaks TLS")]
    public void Speaks(string peer) => Peer(peer);

    [Given("evil peer {string} presents a(n) {word} certificate"), StepExample("Given evil peer \"EP\" presents an expired certificate")]
    public void Presents(string peer, string certificate) => Peer(peer).Present(PhraseWords.Certificate(certificate));

    [Given("evil peer {string} stops the TLS handshake after the {word} and {word}"),
     StepExample("Given evil peer \"EP\" stops the TLS handshake after the ServerHello and resets")]
    public void StopsHandshake(string peer, string message, string ending) =>
        Peer(peer).Break(PhraseWords.HandshakeStop(message), PhraseWords.TlsEnding(ending));

    [Given("evil peer {string} cuts its first TLS record in half and {word}"), StepExample("Given evil peer \"EP\" cuts its first TLS record in half and closes")]
    public void CutsRecord(string peer, string ending) => Peer(peer).Break(TlsFaultKind.MidRecord, PhraseWords.TlsEnding(ending));

    [Given("evil peer {string} resets right after the TLS handshake"), StepExample("Given evil peer \"EP\" resets right after the TLS handshake")]
    public void ResetsAfterHandshake(string peer) => Peer(peer).Break(TlsFaultKind.ResetAfterHandshake);

    [Given("evil peer {string} renegotiates TLS before its first byte"), StepExample("Given evil peer \"EP\" renegotiates TLS before its first byte")]
    public void Renegotiates(string peer) => Peer(peer).Break(TlsFaultKind.Renegotiate);

    [Given("evil peer {string} takes {int} ms per TLS handshake flight"), StepExample("Given evil peer \"EP\" takes 100 ms per TLS handshake flight")]
    public void SlowHandshake(string peer, int ms) => Peer(peer).SlowHandshake(ms);

    [Given("evil peer {string} ends TLS without close_notify"), StepExample("Given evil peer \"EP\" ends TLS without close_notify")]
    public void Truncates(string peer) => Peer(peer).Truncate();

    [Given("evil peer {string} speaks only TLS {word}"), StepExample("Given evil peer \"EP\" speaks only TLS 1.2")]
    public void OnlyVersion(string peer, string version) => Peer(peer).Protocols(PhraseWords.TlsVersion(version));

    [Given("the proxy of peer {string} speaks TLS to its clients"), StepExample("Given the proxy of peer \"EP\" speaks TLS to its clients")]
    public void ProxySpeaks(string peer) => Proxy(peer);

    [Given("the proxy of peer {string} presents a(n) {word} certificate"), StepExample("Given the proxy of peer \"EP\" presents a wrong-host certificate")]
    public void ProxyPresents(string peer, string certificate) => Proxy(peer).Present(PhraseWords.Certificate(certificate));

    [Given("the proxy of peer {string} stops the TLS handshake after the {word} and {word}"),
     StepExample("Given the proxy of peer \"EP\" stops the TLS handshake after the ClientHello and hangs")]
    public void ProxyStopsHandshake(string peer, string message, string ending) =>
        Proxy(peer).Break(PhraseWords.HandshakeStop(message), PhraseWords.TlsEnding(ending));

    [Given("the proxy of peer {string} cuts its first TLS record in half and {word}"),
     StepExample("Given the proxy of peer \"EP\" cuts its first TLS record in half and resets")]
    public void ProxyCutsRecord(string peer, string ending) => Proxy(peer).Break(TlsFaultKind.MidRecord, PhraseWords.TlsEnding(ending));

    [Given("the proxy of peer {string} resets right after the TLS handshake"), StepExample("Given the proxy of peer \"EP\" resets right after the TLS handshake")]
    public void ProxyResetsAfterHandshake(string peer) => Proxy(peer).Break(TlsFaultKind.ResetAfterHandshake);

    [Given("the proxy of peer {string} renegotiates TLS before its first byte"), StepExample("Given the proxy of peer \"EP\" renegotiates TLS before its first byte")]
    public void ProxyRenegotiates(string peer) => Proxy(peer).Break(TlsFaultKind.Renegotiate);

    [Given("the proxy of peer {string} takes {int} ms per TLS handshake flight"), StepExample("Given the proxy of peer \"EP\" takes 100 ms per TLS handshake flight")]
    public void ProxySlowHandshake(string peer, int ms) => Proxy(peer).SlowHandshake(ms);

    [Given("the proxy of peer {string} ends TLS without close_notify"), StepExample("Given the proxy of peer \"EP\" ends TLS without close_notify")]
    public void ProxyTruncates(string peer) => Proxy(peer).Truncate();

    [Given("the proxy of peer {string} speaks only TLS {word}"), StepExample("Given the proxy of peer \"EP\" speaks only TLS 1.3")]
    public void ProxyOnlyVersion(string peer, string version) => Proxy(peer).Protocols(PhraseWords.TlsVersion(version));

    private TlsSpec Peer(string peer) => chaos.Peers.ConfigureEvilPeer(peer).Tls();

    private TlsSpec Proxy(string peer) => chaos.Peers.Configure(peer).ProxyTls();
}
