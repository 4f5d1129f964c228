using System.Security.Authentication;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Peers;
using ChaosFeatures.Harness.Tasks;

namespace ChaosFeatures.Harness.Tests.Peers;

/// <summary>HTTP and TLS aspects as Given steps build them: checked at the step that adds them, with the field and range named.</summary>
public sealed class HttpAndTlsSpecTests
{
    private static readonly byte[] Body = new byte[1000];

    private static EvilPeerSpec Http(out HttpSpec http)
    {
        var spec = new EvilPeerSpec("EP");
        http = spec.ServeHttp(200, Body.Length, () => Body);
        return spec;
    }

    [Fact]
    public void A_value_out_of_range_fails_at_its_own_step_naming_the_field_and_range()
    {
        Http(out var http);

        new Action(() => http.CutBody(2000, HttpCutMode.Fin)).Should().Throw<OptionsValidationException>()
            .WithMessage("*http.cutAfterBodyBytes: 2000 is out of range -1..1000 bytes*");
        new Action(() => http.ContentLengthDelta(-1001)).Should().Throw<OptionsValidationException>()
            .WithMessage("*http.contentLengthDelta: -1001 is out of range -1000..*");
        new Action(() => http.DelayBeforeStatus(-1)).Should().Throw<OptionsValidationException>().WithMessage("*http.delayBeforeStatus*0..3600000 ms*");
        new Action(() => http.FailFirst(0, 503)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*N must be >= 1*");
        new Action(() => http.Answer(2, 99)).Should().Throw<OptionsValidationException>().WithMessage("*http.status: 99 is out of range 200..599*");
        new Action(() => new EvilPeerSpec("X").ServeHttp(200, -1, () => [])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*0..268435456 bytes*");
    }

    [Fact]
    public void Two_faults_that_cannot_go_together_fail_at_the_second_and_leave_the_first_in_place()
    {
        Http(out var http);
        http.ContentLengthDelta(10);

        new Action(() => http.Chunked(100)).Should().Throw<OptionsValidationException>().WithMessage("*http.contentLengthDelta: needs framing ContentLength*");

        var plan = http.ToScript().Default;
        (plan.Framing, plan.DeclaredLength).Should().Be((HttpFraming.ContentLength, 1010));
    }

    [Fact]
    public void The_script_puts_status_answers_first_and_the_faults_only_where_asked()
    {
        Http(out var http);
        http.CutBody(500, HttpCutMode.Reset);
        http.FailFirst(1, 503);
        http.Answer("/missing", 404);
        http.FaultsOnly(3, 3);

        var script = http.ToScript();

        script.ResponseFor(1, "/").Status.Should().Be(503);
        script.ResponseFor(2, "/missing").Status.Should().Be(404);
        script.ResponseFor(2, "/").CutAfterBodyBytes.Should().Be(-1, "request 2 gets the honest response");
        script.ResponseFor(3, "/").Should().Match<HttpResponsePlan>(p => p.CutAfterBodyBytes == 500 && p.CutMode == HttpCutMode.Reset);
        script.ResponseFor(4, "/").CutAfterBodyBytes.Should().Be(-1);
    }

    [Fact]
    public void An_endless_body_is_chunked_and_a_peer_that_closes_after_each_response_says_so_on_every_answer()
    {
        Http(out var http);
        http.Endless();
        http.CloseAfterEachResponse();
        http.FailFirst(1, 503);

        var script = http.ToScript();

        script.Default.Should().Match<HttpResponsePlan>(p => p.Endless && p.Framing == HttpFraming.Chunked && p.ConnectionClose);
        script.ResponseFor(1, "/").ConnectionClose.Should().BeTrue();
    }

    [Fact]
    public void The_served_payload_of_an_http_peer_is_its_body_and_its_options_carry_the_tls()
    {
        var spec = Http(out _);
        spec.Tls().Present(TlsCertificateKind.Expired);

        spec.ServedPayload.Should().BeSameAs(Body);
        spec.ClientsSpeakTls.Should().BeTrue();
        var options = spec.ToOptions();
        options.Behaviour.Should().BeOfType<HttpBehaviour>();
        options.Tls!.Certificate.Should().Be(TlsCertificateKind.Expired);
    }

    [Fact]
    public void Http_aspects_need_an_http_peer()
    {
        var spec = new EvilPeerSpec("EP");
        spec.Serve(() => Body);

        new Func<HttpSpec>(() => spec.Http).Should().Throw<InvalidOperationException>()
            .WithMessage("evil peer \"EP\" is a serve peer, not an HTTP peer; define it with 'Given an HTTP peer \"EP\" answering 200 with 1000 bytes'");
        new Action(() => Http(out _).Slice(10)).Should().Throw<InvalidOperationException>().WithMessage("*that fault is for serve peers, and \"EP\" is a http peer*");
    }

    [Fact]
    public void Tls_goes_on_the_peer_or_on_its_proxy_listener_not_both()
    {
        var peerFirst = Http(out _);
        peerFirst.Tls();
        var proxyFirst = Http(out _);
        proxyFirst.ProxyTls().Truncate();

        new Func<TlsSpec>(peerFirst.ProxyTls).Should().Throw<InvalidOperationException>().WithMessage("evil peer \"EP\" already speaks TLS itself*");
        new Func<TlsSpec>(proxyFirst.Tls).Should().Throw<InvalidOperationException>().WithMessage("the proxy of peer \"EP\" already speaks TLS to its clients*");
        proxyFirst.ClientsSpeakTls.Should().BeTrue();
        proxyFirst.Proxy!.Tls!.ToOptions().CloseNotify.Should().BeFalse();
        proxyFirst.ToOptions().Tls.Should().BeNull("the peer behind a TLS listener stays plain");
    }

    [Fact]
    public void A_tls_end_has_one_fault_and_renegotiation_pins_tls_1_2_unless_told_otherwise()
    {
        var tls = new TlsSpec("evil peer \"EP\"");
        tls.Break(TlsFaultKind.Renegotiate);

        tls.ToOptions().Protocols.Should().Be(SslProtocols.Tls12);
        new Action(() => tls.Break(TlsFaultKind.MidRecord, TlsStopMode.Reset)).Should().Throw<InvalidOperationException>()
            .WithMessage("evil peer \"EP\" already has the TLS fault Renegotiate (Fin); a TLS end has one fault");
        new Action(() => tls.Protocols(SslProtocols.Tls13)).Should().Throw<OptionsValidationException>()
            .WithMessage("*tls.protocols: Renegotiate needs Tls12 only*TLS 1.3 has no renegotiation*");
        new Action(() => new TlsSpec("x").SlowHandshake(-5)).Should().Throw<OptionsValidationException>().WithMessage("*tls.handshakeDelay: -5 is out of range 0..3600000 ms*");
    }

    [Fact]
    public void A_task_sends_http_with_its_http_driver_or_by_the_peers_tls_and_refuses_a_driver_that_does_not_speak_http()
    {
        var plain = new TaskSettings();
        var retrying = new TaskSettings();
        retrying.UseDriver("https-retry");
        var tlsDriver = new TaskSettings();
        tlsDriver.UseDriver("tls");
        var tuned = new TaskSettings();
        tuned.RetryRequests(2, 10);
        tuned.BoundAttempts(300);

        plain.HttpSettings("C", tls: true).Should().Match<HttpClientSettings>(s => s.Https && s.Resilience == null);
        plain.HttpSettings("C", tls: false).Https.Should().BeFalse();
        retrying.HttpSettings("C", tls: false).Should().Match<HttpClientSettings>(s => s.Https && s.Resilience != null, "the driver decides, even against a plain peer");
        tuned.HttpSettings("C", tls: false).Resilience.Should().Match<HttpResilience>(r =>
            r.MaxRetries == 2 && r.RetryDelay == TimeSpan.FromMilliseconds(10) && r.AttemptTimeout == TimeSpan.FromMilliseconds(300));
        new Action(() => tlsDriver.HttpSettings("C", tls: true)).Should().Throw<InvalidOperationException>()
            .WithMessage("task \"C\" uses the tls driver, which does not speak HTTP; HTTP requests take http, https, http-retry or https-retry*");
        new Action(() => tuned.RetryRequests(0, 10)).Should().Throw<ArgumentException>().WithMessage("*MaxRetries=0 is invalid; accepted: 1..100*");
    }
}
