using System.Net;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Churn;
using ChaosFeatures.EvilPeer.EvilClients.DeclaredFrame;
using ChaosFeatures.EvilPeer.EvilClients.HalfClose;
using ChaosFeatures.EvilPeer.EvilClients.Hold;
using ChaosFeatures.EvilPeer.EvilClients.Noise;
using ChaosFeatures.EvilPeer.EvilClients.Slowloris;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Tests.EvilClients;

public sealed class EvilClientOptionsTests
{
    private static readonly IPEndPoint Loopback = new(IPAddress.Loopback, 6379);

    [Fact]
    public void A_target_off_this_machine_is_refused_with_the_way_to_allow_it()
    {
        var build = () => new EvilClientOptions("E", new IPEndPoint(IPAddress.Parse("10.1.2.3"), 80), new HoldBehaviour(10));

        build.Should().Throw<OptionsValidationException>().Which.Errors.Should().ContainSingle().Which.Should()
            .Be("target: 10.1.2.3:80 is not a loopback address (127.0.0.0/8 or ::1); the evil client attacks only this machine unless allowNonLoopback is set");
        new EvilClientOptions("E", new IPEndPoint(IPAddress.Parse("10.1.2.3"), 80), new HoldBehaviour(10), allowNonLoopback: true)
            .Target.Port.Should().Be(80);
        new EvilClientOptions("E", new IPEndPoint(IPAddress.Parse("127.8.9.10"), 80), new HoldBehaviour(10)).Target.Port.Should().Be(80);
        new EvilClientOptions("E", new IPEndPoint(IPAddress.IPv6Loopback, 80), new HoldBehaviour(10)).Target.Port.Should().Be(80);
    }

    [Fact]
    public void Every_bad_option_is_named_with_its_range_together()
    {
        var build = () => new EvilClientOptions("two words", new IPEndPoint(IPAddress.Loopback, 0), null!, connections: 0,
            connectTimeoutMs: 0, maxDurationMs: 600_001);

        build.Should().Throw<OptionsValidationException>().Which.Errors.Should().BeEquivalentTo(
            "name: \"two words\" must be 1..64 characters without whitespace",
            "target: 127.0.0.1:0 has no port (1..65535)",
            "behaviour: is required (hold, slowloris, declared_frame, random, replay, churn, half_close or never_read)",
            "connections: 0 is out of range 1..10000",
            "connectTimeout: 0 is out of range 1..60000 ms",
            "maxDuration: 600001 is out of range 1..600000 ms");
    }

    [Fact]
    public void A_negative_rate_names_the_field_and_the_range_for_the_chunk_size()
    {
        var build = () => new SlowlorisBehaviour("GET /"u8.ToArray(), bytesPerSecond: -5);

        build.Should().Throw<OptionsValidationException>().WithMessage(
            "Invalid slowloris behaviour: slowloris.rate: -5 is out of range 1..1000 bytes/s for 1-byte chunks");
        new SlowlorisBehaviour("GET /"u8.ToArray(), bytesPerSecond: 4000, chunkBytes: 4).Interval.Should().Be(TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Behaviours_name_their_fields_and_ranges()
    {
        Errors(() => new HoldBehaviour(0)).Should().Equal("hold.hold: 0 is out of range 1..600000 ms");
        Errors(() => new DeclaredFrameBehaviour(FrameHeader.UInt16BigEndian, 70_000, bodyBytes: -1)).Should().BeEquivalentTo(
            "frame.body: -1 is out of range 0..17179869184 bytes",
            "frame.declared: 70000 is out of range 0..65535 bytes for a u16be header");
        Errors(() => new DeclaredFrameBehaviour(FrameHeader.UInt32BigEndian, 4_294_967_296)).Should().Equal(
            "frame.declared: 4294967296 is out of range 0..4294967295 bytes for a u32be header");
        Errors(() => new RandomBytesBehaviour(0, chunkBytes: 0)).Should().BeEquivalentTo(
            "random.bytes: 0 is out of range 1..17179869184 bytes", "random.chunk: 0 is out of range 1..1048576 bytes");
        Errors(() => new ReplayBehaviour(ReadOnlyMemory<byte>.Empty, repeat: 0)).Should().BeEquivalentTo(
            "replay.payload: 0 is out of range 1..16777216 bytes", "replay.repeat: 0 is out of range 1..1000000");
        Errors(() => new ChurnBehaviour(0, delayMs: -1)).Should().BeEquivalentTo(
            "churn.cycles: 0 is out of range 1..1000000", "churn.delay: -1 is out of range 0..600000 ms");
        Errors(() => new HalfCloseBehaviour(ReadOnlyMemory<byte>.Empty, 0)).Should().Equal("half_close.hold: 0 is out of range 1..600000 ms");
    }

    private static IReadOnlyList<string> Errors(Func<object> build)
    {
        try
        {
            build();
        }
        catch (OptionsValidationException e)
        {
            return e.Errors;
        }
        throw new InvalidOperationException("the options were accepted");
    }
}
