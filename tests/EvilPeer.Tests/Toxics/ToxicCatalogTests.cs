using System.Text.Json;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Latency;
using ChaosFeatures.EvilPeer.Toxics.LimitTime;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Tests.Toxics;

public sealed class ToxicCatalogTests
{
    [Fact]
    public void Builds_typed_options_from_a_type_name_and_JSON_attributes()
    {
        var attributes = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{"latency": 120, "jitter": 15}""")!
            .ToDictionary(kv => kv.Key, kv => (object?)kv.Value);

        ToxicOptions options = ToxicCatalog.Create("latency", attributes, stream: "upstream", toxicity: 0.25);

        options.Should().BeEquivalentTo(new LatencyOptions { Latency = 120, Jitter = 15, Stream = ToxicStream.Upstream, Toxicity = 0.25 });
        options.ResolvedName.Should().Be("latency_upstream");
    }

    [Fact]
    public void Reads_the_close_mode_of_limit_time()
    {
        ToxicCatalog.Create("limit_time", new Dictionary<string, object?> { ["time"] = 50L, ["close"] = "rst" })
            .Should().BeEquivalentTo(new LimitTimeOptions { Time = 50, Close = CloseMode.Rst });
    }

    [Fact]
    public void An_unknown_type_lists_the_known_types()
    {
        Action create = () => ToxicCatalog.Create("lag");

        create.Should().Throw<OptionsValidationException>().Which.Errors.Should().ContainSingle().Which.Should().Be(
            "type: 'lag' is not a known toxic type (known: bandwidth, connect_close, connect_delay, connect_hang, connect_refuse, corrupt, latency, limit_data, limit_time, reset_peer, slicer, slow_close, timeout)");
    }

    [Fact]
    public void Every_problem_is_reported_together_naming_field_and_range()
    {
        Action create = () => ToxicCatalog.Create("latency",
            new Dictionary<string, object?> { ["latency"] = -5L, ["jitter"] = "soon", ["jiter"] = 3L }, stream: "sideways", toxicity: 1.5);

        create.Should().Throw<OptionsValidationException>().Which.Errors.Should().BeEquivalentTo(
        [
            "stream: 'sideways' is not one of upstream, downstream",
            "latency.jitter: 'soon' is not an integer",
            "latency.jiter: unknown attribute (known: jitter, latency)",
            "toxicity: 1.5 is out of range 0..1",
            "latency.latency: -5 is out of range 0..3600000 ms",
        ]);
    }

    [Theory]
    [InlineData("slicer", "average_size", 0L, "slicer.average_size: 0 is out of range 1..1048576 bytes")]
    [InlineData("limit_data", "bytes", -1L, "limit_data.bytes: -1 is out of range 0..1125899906842624 bytes")]
    [InlineData("corrupt", "bit", 9L, "corrupt.bit: 9 is out of range 0..7")]
    [InlineData("slow_close", "delay", -1L, "slow_close.delay: -1 is out of range 0..3600000 ms")]
    public void Out_of_range_attributes_name_the_field_and_range(string type, string attribute, long value, string message)
    {
        var attributes = new Dictionary<string, object?> { [attribute] = value };
        if (type == "corrupt") attributes["offset"] = 0L;

        Action create = () => ToxicCatalog.Create(type, attributes);

        create.Should().Throw<OptionsValidationException>().Which.Errors.Should().Contain(message);
    }

    [Fact]
    public void Proxy_rejects_a_duplicate_name()
    {
        var proxy = new EvilPeer.Proxy.ToxicProxy(new EvilPeer.Proxy.ToxicProxyOptions { Upstream = "127.0.0.1:1" });
        proxy.AddToxic(new LatencyOptions { Latency = 1 });

        Action again = () => proxy.AddToxic(new LatencyOptions { Latency = 2 });

        again.Should().Throw<InvalidOperationException>().WithMessage("*latency_downstream*already exists*");
        proxy.UpdateToxic(new LatencyOptions { Latency = 3 });
        proxy.Toxics.Should().ContainSingle().Which.Should().BeEquivalentTo(new LatencyOptions { Latency = 3 });
        proxy.RemoveToxic("latency_downstream").Should().BeTrue();
        proxy.Toxics.Should().BeEmpty();
    }
}
