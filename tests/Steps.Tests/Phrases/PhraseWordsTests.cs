using System.Security.Authentication;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.Steps.Phrases;

namespace ChaosFeatures.Steps.Tests.Phrases;

/// <summary>The words steps take: each known one maps to its fault, an unknown one fails naming every accepted word.</summary>
public sealed class PhraseWordsTests
{
    [Fact]
    public void Known_words_map_to_their_faults()
    {
        (PhraseWords.HttpEnding("closes"), PhraseWords.HttpEnding("resets"), PhraseWords.HttpEnding("hangs"))
            .Should().Be((HttpCutMode.Fin, HttpCutMode.Reset, HttpCutMode.Hold));
        PhraseWords.TlsEnding("hangs").Should().Be(TlsStopMode.Hold);
        PhraseWords.Certificate("wrong-host").Should().Be(TlsCertificateKind.WrongHost);
        PhraseWords.HandshakeStop("ServerHello").Should().Be(TlsFaultKind.StopAfterServerHello);
        PhraseWords.TlsVersion("1.3").Should().Be(SslProtocols.Tls13);
    }

    [Fact]
    public void An_unknown_word_fails_in_one_line_listing_the_accepted_ones()
    {
        new Action(() => PhraseWords.HttpEnding("stops")).Should().Throw<ArgumentException>()
            .WithMessage("'stops' is not a way to end; accepted: closes | resets | hangs");
        new Action(() => PhraseWords.Certificate("revoked")).Should().Throw<ArgumentException>()
            .WithMessage("'revoked' is not a certificate; accepted: trusted | untrusted | expired | wrong-host");
        new Action(() => PhraseWords.HandshakeStop("Finished")).Should().Throw<ArgumentException>()
            .WithMessage("'Finished' is not a handshake message to stop after; accepted: ClientHello | ServerHello");
        new Action(() => PhraseWords.TlsVersion("1.1")).Should().Throw<ArgumentException>()
            .WithMessage("'1.1' is not a TLS version; accepted: 1.2 | 1.3");
    }
}
