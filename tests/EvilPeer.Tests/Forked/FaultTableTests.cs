using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Accept;
using ChaosFeatures.EvilPeer.Peers.Consume;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.EvilPeer.Tests.Forked;

public sealed class FaultTableTests
{
    [Fact]
    public void Serve_options_round_trip_through_json()
    {
        var options = new PeerOptions("EP", new ServeBehaviour(PayloadGenerator.Generate(seed: 1, length: 50), slice: 7, delayMs: 3, closeAfter: 40, hardReset: true, holdMs: 9),
            acceptFault: AcceptFault.Delay(20), maxConnections: 2, receiveBufferSize: 4096);

        PeerOptions back = FaultTable.Parse(FaultTable.FromOptions(options).ToJson()).ToOptions();

        var serve = (ServeBehaviour)back.Behaviour;
        serve.Payload.ToArray().Should().Equal(PayloadGenerator.Generate(seed: 1, length: 50));
        (serve.Slice, serve.DelayMs, serve.CloseAfter, serve.HardReset, serve.HoldMs).Should().Be((7, 3, 40L, true, 9));
        back.AcceptFault.Should().Be(AcceptFault.Delay(20));
        (back.Name, back.MaxConnections, back.ReceiveBufferSize, back.Listen).Should().Be((options.Name, 2, 4096, options.Listen));
    }

    [Fact]
    public void Consume_table_with_generated_defaults()
    {
        var consume = (ConsumeBehaviour)FaultTable.Parse("""{"mode":"consume","readSize":0,"hold":50}""").ToOptions().Behaviour;

        (consume.NeverReads, consume.HoldMs, consume.StopAfter).Should().Be((true, 50, -1L));
    }

    [Fact]
    public void Table_errors_are_reported_together()
    {
        var build = () => FaultTable.Parse("""{"mode":"flood","listen":"nowhere","accept":"maybe"}""").ToOptions();

        build.Should().Throw<OptionsValidationException>().Which.Errors.Should().HaveCount(3)
            .And.Contain(e => e.StartsWith("mode:")).And.Contain(e => e.StartsWith("listen:")).And.Contain(e => e.StartsWith("accept:"));
    }

    [Fact]
    public void Event_lines_round_trip()
    {
        var e = new PeerEvent(123, "EP", "write", 4, [new("bytes", 10L), new("phase", "chunk"), new("ok", true), new("x", null)]);

        PeerEvent back = EventLine.Parse(Line(e));

        Line(e).Should().Be("""{"ts":123,"actor":"EP","event":"write","conn":4,"fields":{"bytes":10,"phase":"chunk","ok":true,"x":null}}""");
        (back.Timestamp, back.Actor, back.Name, back.ConnectionId).Should().Be((123L, "EP", "write", 4L));
        back.Fields.Should().Equal(e.Fields);
    }

    /// <summary>The line the forked host writes for <paramref name="e"/>, as <see cref="EventLine.Write"/> makes it.</summary>
    private static string Line(PeerEvent e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer)) EventLine.Write(w, e);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
