using System.Text.Json.Nodes;
using ChaosFeatures.Harness.Replay;

namespace ChaosFeatures.Harness.Tests.Replay;

public class ReplayDescriptorJsonTests
{
    [Fact]
    public void Round_trips_every_field_and_writes_the_same_bytes_twice()
    {
        var descriptor = SampleDescriptor.Create();
        var json = ReplayDescriptorJson.Serialize(descriptor);

        var read = ReplayDescriptorJson.Parse(json, "d.json");

        ReplayDescriptorJson.Serialize(read).Should().Be(json);
        read.Seeds.Derived.Toxic.Should().Be(ulong.MaxValue);
        json.Should().StartWith("{\n  \"version\": 2,").And.Contain("\"kind\": \"any-of\"").And.NotContain("\r");
    }

    [Theory]
    [InlineData("{ not json", "malformed descriptor")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("{}", "field 'version' is missing")]
    public void Unreadable_input_is_refused_with_one_line(string json, string reason)
    {
        var act = () => ReplayDescriptorJson.Parse(json, "d.json");

        act.Should().Throw<ReplayDescriptorException>().Which.Message.Should().Contain(reason).And.NotContain("\n");
    }

    [Theory]
    [InlineData("version", "3", "unknown descriptor version 3")]
    [InlineData("version", "1", "descriptor version 1 is too old")]
    [InlineData("testId", null, "testId")]
    [InlineData("decisionHash", "\"abc\"", "decisionHash")]
    [InlineData("build", "\"Profile\"", "build")]
    [InlineData("scenarioLine", "0", "scenarioLine")]
    [InlineData("surprise", "1", "surprise")]
    public void Each_bad_field_is_named(string field, string? value, string reason)
    {
        var node = JsonNode.Parse(ReplayDescriptorJson.Serialize(SampleDescriptor.Create()))!.AsObject();
        if (value is null) node.Remove(field);
        else node[field] = JsonNode.Parse(value);

        var act = () => ReplayDescriptorJson.Parse(node.ToJsonString(), "d.json");

        act.Should().Throw<ReplayDescriptorException>().Which.Message.Should().Contain(reason).And.NotContain("\n");
    }

    [Fact]
    public void A_bad_scheduler_names_the_accepted_forms()
    {
        var node = JsonNode.Parse(ReplayDescriptorJson.Serialize(SampleDescriptor.Create()))!;
        node["seeds"]!["sched"] = "sometimes";

        var act = () => ReplayDescriptorJson.Parse(node.ToJsonString(), "d.json");

        act.Should().Throw<ReplayDescriptorException>().WithMessage("*seeds.sched*fifo | random:SEED | pct:SEED:DEPTH*");
    }
}
