using System.Security.Authentication;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Tls;

namespace ChaosFeatures.Steps.Phrases;

/// <summary>
/// The words a step takes as a <c>{word}</c> (how a cut ends, which certificate, which TLS message), parsed
/// where they enter: an unknown word fails its step naming what it read and every word it accepts.
/// </summary>
internal static class PhraseWords
{
    private static readonly Dictionary<string, (HttpCutMode Http, TlsStopMode Tls)> Endings = new(StringComparer.Ordinal)
    {
        ["closes"] = (HttpCutMode.Fin, TlsStopMode.Fin),
        ["resets"] = (HttpCutMode.Reset, TlsStopMode.Reset),
        ["hangs"] = (HttpCutMode.Hold, TlsStopMode.Hold),
    };

    private static readonly Dictionary<string, TlsCertificateKind> Certificates = new(StringComparer.Ordinal)
    {
        ["trusted"] = TlsCertificateKind.Trusted,
        ["untrusted"] = TlsCertificateKind.Untrusted,
        ["expired"] = TlsCertificateKind.Expired,
        ["wrong-host"] = TlsCertificateKind.WrongHost,
    };

    private static readonly Dictionary<string, TlsFaultKind> HandshakeStops = new(StringComparer.Ordinal)
    {
        ["ClientHello"] = TlsFaultKind.StopAfterClientHello,
        ["ServerHello"] = TlsFaultKind.StopAfterServerHello,
    };

    private static readonly Dictionary<string, SslProtocols> Versions = new(StringComparer.Ordinal)
    {
        ["1.2"] = SslProtocols.Tls12,
        ["1.3"] = SslProtocols.Tls13,
    };

    /// <summary>closes (FIN) | resets (RST) | hangs (silence until the peer stops).</summary>
    public static HttpCutMode HttpEnding(string word) => Parse(Endings, word, "way to end").Http;

    public static TlsStopMode TlsEnding(string word) => Parse(Endings, word, "way to end").Tls;

    public static TlsCertificateKind Certificate(string word) => Parse(Certificates, word, "certificate");

    public static TlsFaultKind HandshakeStop(string word) => Parse(HandshakeStops, word, "handshake message to stop after");

    public static SslProtocols TlsVersion(string word) => Parse(Versions, word, "TLS version");

    private static T Parse<T>(Dictionary<string, T> words, string word, string what) =>
        words.TryGetValue(word, out var value)
            ? value
            : throw new ArgumentException($"'{word}' is not a {what}; accepted: {string.Join(" | ", words.Keys)}");
}
