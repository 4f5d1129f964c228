using ChaosFeatures.Harness.Toxiproxy;

namespace ChaosFeatures.Harness.Tests.Toxiproxy;

public sealed class ToxicRequestTests
{
    [Fact]
    public void A_line_of_pairs_becomes_a_toxic_with_typed_attributes_and_its_own_fields_apart()
    {
        var toxic = ToxicRequest.Parse("latency", "latency=100, jitter=2.5, name=lag, stream=upstream, toxicity=0.5, mode=fast");

        toxic.ToJson().ToJsonString().Should().Be(
            """{"type":"latency","attributes":{"latency":100,"jitter":2.5,"mode":"fast"},"name":"lag","stream":"upstream","toxicity":0.5}""");
    }

    [Fact]
    public void No_fields_is_a_toxic_without_attributes()
    {
        ToxicRequest.Parse("connect_refuse", "").ToJson().ToJsonString().Should().Be("""{"type":"connect_refuse","attributes":{}}""");
    }

    [Theory]
    [InlineData("latency", "latency", "'latency' is not field=value")]
    [InlineData("latency", "=5", "a field has no name")]
    [InlineData("latency", "toxicity=high", "toxicity 'high' is not a number")]
    [InlineData(" ", "latency=5", "a toxic needs a type")]
    public void A_malformed_toxic_says_what_is_wrong(string type, string line, string message)
    {
        ((Action)(() => ToxicRequest.Parse(type, line))).Should().Throw<ArgumentException>().WithMessage($"*{message}*");
    }
}
