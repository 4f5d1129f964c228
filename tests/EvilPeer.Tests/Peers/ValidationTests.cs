using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Accept;
using ChaosFeatures.EvilPeer.Peers.Consume;
using ChaosFeatures.EvilPeer.Peers.Echo;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Tests.Peers;

public sealed class ValidationTests
{
    [Fact]
    public void Serve_reports_every_bad_field_with_its_range()
    {
        var build = () => new ServeBehaviour(new byte[10], slice: -1, delayMs: -5, closeAfter: 11);

        var errors = build.Should().Throw<OptionsValidationException>().Which.Errors;

        errors.Should().BeEquivalentTo(
            "serve.slice: -1 is out of range 0..2147483647 bytes",
            "serve.delay: -5 is out of range 0..3600000 ms",
            "serve.closeAfter: 11 is out of range -1..10 bytes");
    }

    [Fact]
    public void Consume_names_field_and_range()
    {
        var build = () => new ConsumeBehaviour(readSize: -1, stopAfter: -2);

        build.Should().Throw<OptionsValidationException>()
            .WithMessage("*consume.readSize: -1 is out of range 0..16777216 bytes*consume.stopAfter: -2 is out of range -1..*");
    }

    [Fact]
    public void Peer_options_name_field_and_range()
    {
        var build = () => new PeerOptions("", new EchoBehaviour(), maxConnections: 0, receiveBufferSize: -1);

        build.Should().Throw<OptionsValidationException>().Which.Errors.Should().BeEquivalentTo(
            "name: \"\" must be 1..64 characters without whitespace",
            "maxConnections: 0 is out of range 1..100000",
            "receiveBufferSize: -1 is out of range 0..16777216 bytes");
    }

    [Fact]
    public void Accept_delay_must_be_positive()
    {
        var build = () => AcceptFault.Delay(0);

        build.Should().Throw<OptionsValidationException>().WithMessage("*accept.delay: 0 is out of range 1..3600000 ms*");
    }
}
