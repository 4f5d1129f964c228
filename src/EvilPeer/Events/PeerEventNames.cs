namespace ChaosFeatures.EvilPeer.Events;

/// <summary>
/// The names of the events peers, evil clients, proxies and the control server emit (<see cref="PeerEvent.Name"/>), for the emitters and for
/// everyone who reads them back (a forked peer's or client's parent, the timeline). The values are what committed event logs
/// and descriptors hold: never change one.
/// </summary>
public static class PeerEventNames
{
    // A connection's life, the same words for a peer, a proxy and an evil client.
    public const string Listen = "listen";
    public const string Accept = "accept";
    public const string Write = "write";
    public const string Read = "read";
    public const string Delay = "delay";
    public const string Hold = "hold";
    public const string Fin = "fin";
    public const string Rst = "rst";
    public const string Close = "close";
    public const string Done = "done";
    public const string Error = "error";

    // An evil client's run.
    public const string Start = "start";
    public const string Attempt = "attempt";
    public const string Connect = "connect";
    public const string Finished = "finished";

    // An HTTP peer's requests and answers.
    public const string HttpRequest = "http_request";
    public const string HttpResponse = "http_response";
    public const string HttpCut = "http_cut";
    public const string HttpMalformed = "http_malformed";
    public const string HttpClientGone = "http_client_gone";

    // A proxy's upstream side, its toxics' draws and what they did (a latency or slow close is a delay).
    public const string UpstreamConnect = "upstream_connect";
    public const string UpstreamDialFailed = "upstream_dial_failed";
    public const string Toxic = "toxic";
    public const string Corrupt = "corrupt";
    public const string Drop = "drop";

    // A control server's seed of every toxicity draw.
    public const string Seed = "seed";

    // TLS on a peer's or proxy's listener.
    public const string TlsClientHello = "tls_client_hello";
    public const string TlsHandshake = "tls_handshake";
    public const string TlsFault = "tls_fault";
    public const string TlsFailed = "tls_failed";
    public const string TlsRenegotiated = "tls_renegotiated";
    public const string TlsCloseNotify = "tls_close_notify";
}
