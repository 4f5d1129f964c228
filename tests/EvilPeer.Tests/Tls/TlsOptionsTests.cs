using System.Security.Authentication;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Tests.Tls;

public sealed class TlsOptionsTests
{
    [Fact]
    public void Renegotiation_on_tls13_is_refused_with_the_reason()
    {
        var act = () => new TlsOptions(fault: TlsFaultKind.Renegotiate);

        act.Should().Throw<OptionsValidationException>().Which.Message.Should()
            .Contain("tls.protocols").And.Contain("TLS 1.3 has no renegotiation");
    }

    [Fact]
    public void Every_bad_field_is_named_with_its_range_at_once()
    {
        var act = () => new TlsOptions(stop: TlsStopMode.Reset, handshakeDelayMs: -1, protocols: SslProtocols.None);

        var errors = act.Should().Throw<OptionsValidationException>().Which.Errors;
        errors.Should().Contain(e => e.StartsWith("tls.stop:") && e.Contains("StopAfterClientHello"));
        errors.Should().Contain(e => e.StartsWith("tls.handshakeDelay: -1 is out of range 0..3600000 ms"));
        errors.Should().Contain(e => e.StartsWith("tls.protocols:"));
    }

    [Fact]
    public void The_authority_makes_each_certificate_kind_with_its_flaw()
    {
        var authority = new TestCertificateAuthority(TimeProvider.System);
        var now = DateTime.Now;

        authority.ServerCertificate(TlsCertificateKind.Trusted).Issuer.Should().Be(authority.Root.Subject);
        authority.ServerCertificate(TlsCertificateKind.Trusted).HasPrivateKey.Should().BeTrue();
        authority.ServerCertificate(TlsCertificateKind.Untrusted).Issuer.Should().Be("CN=localhost", "self-signed");
        authority.ServerCertificate(TlsCertificateKind.Expired).NotAfter.Should().BeBefore(now);
        authority.ServerCertificate(TlsCertificateKind.WrongHost).Subject.Should().Be($"CN={TestCertificateAuthority.WrongHostName}");
        authority.ServerCertificate(TlsCertificateKind.Trusted).Should().BeSameAs(authority.ServerCertificate(TlsCertificateKind.Trusted));
    }
}
