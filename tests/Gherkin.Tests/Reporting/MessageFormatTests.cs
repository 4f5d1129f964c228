using System.Text.Json.Nodes;

namespace ChaosFeatures.Gherkin.Tests.Reporting;

public class MessageFormatTests
{
    [Fact]
    public async Task Envelopes_come_one_per_line_in_cucumber_order()
    {
        using var sample = await ChaosSampleRun.RunAsync();

        var types = Envelopes(sample).Select(e => e.Type).ToList();

        types.First().Should().Be("meta");
        types.Last().Should().Be("testRunFinished");
        types.IndexOf("testRunStarted").Should().BeGreaterThan(types.LastIndexOf("pickle")).And.BeGreaterThan(types.LastIndexOf("hook"))
            .And.BeLessThan(types.IndexOf("testCase"));
        types.Take(4).Should().Equal("meta", "source", "gherkinDocument", "pickle");
        types.Count(t => t == "pickle").Should().Be(sample.Suite.TestCases.Count, "every case is a pickle, run or not");
        types.Count(t => t == "testCase").Should().Be(sample.Ran.Count);
        types.Count(t => t == "testCaseFinished").Should().Be(sample.Ran.Count);
        types.Should().Contain("suggestion").And.Contain("attachment").And.Contain("stepDefinition");
    }

    [Fact]
    public async Task Every_id_refers_to_a_message_that_came_before_it()
    {
        using var sample = await ChaosSampleRun.RunAsync();

        var astIds = new HashSet<string>();
        var pickleSteps = new Dictionary<string, HashSet<string>>();
        var definitions = new HashSet<string>();
        var testSteps = new Dictionary<string, (string Pickle, HashSet<string> Steps)>();
        var started = new Dictionary<string, string>();
        var finished = new HashSet<string>();
        foreach (var (type, message) in Envelopes(sample))
        {
            switch (type)
            {
                case "gherkinDocument":
                    CollectIds(message["feature"]!, astIds);
                    break;
                case "pickle":
                    message["astNodeIds"]!.AsArray().Select(n => (string)n!).Should().BeSubsetOf(astIds);
                    foreach (var step in message["steps"]!.AsArray())
                        step!["astNodeIds"]!.AsArray().Select(n => (string)n!).Should().BeSubsetOf(astIds);
                    message["tags"]!.AsArray().Select(t => (string)t!["astNodeId"]!).Should().BeSubsetOf(astIds);
                    pickleSteps.Add((string)message["id"]!, [.. message["steps"]!.AsArray().Select(s => (string)s!["id"]!)]);
                    break;
                case "stepDefinition" or "hook":
                    definitions.Add((string)message["id"]!).Should().BeTrue("ids are unique");
                    break;
                case "testCase":
                    var pickle = (string)message["pickleId"]!;
                    pickleSteps.Should().ContainKey(pickle);
                    foreach (var step in message["testSteps"]!.AsArray())
                    {
                        if (step!["pickleStepId"] is { } pickleStep)
                            pickleSteps[pickle].Should().Contain((string)pickleStep!);
                        else
                            definitions.Should().Contain((string)step["hookId"]!);
                        step["stepDefinitionIds"]?.AsArray().Select(n => (string)n!).Should().BeSubsetOf(definitions);
                    }
                    testSteps.Add((string)message["id"]!, (pickle, [.. message["testSteps"]!.AsArray().Select(s => (string)s!["id"]!)]));
                    break;
                case "testCaseStarted":
                    testSteps.Should().ContainKey((string)message["testCaseId"]!);
                    started.Add((string)message["id"]!, (string)message["testCaseId"]!);
                    break;
                case "testStepStarted" or "testStepFinished":
                    var caseId = started[(string)message["testCaseStartedId"]!];
                    testSteps[caseId].Steps.Should().Contain((string)message["testStepId"]!);
                    finished.Should().NotContain((string)message["testCaseStartedId"]!);
                    break;
                case "suggestion":
                    pickleSteps.Values.Should().Contain(steps => steps.Contains((string)message["pickleStepId"]!));
                    break;
                case "testCaseFinished":
                    started.Should().ContainKey((string)message["testCaseStartedId"]!);
                    finished.Add((string)message["testCaseStartedId"]!);
                    break;
            }
        }
        finished.Should().HaveCount(sample.Ran.Count);
    }

    [Fact]
    public async Task Results_carry_status_duration_and_the_whole_failure_text_on_the_failing_step()
    {
        using var sample = await ChaosSampleRun.RunAsync();

        var results = Envelopes(sample).Where(e => e.Type == "testStepFinished").Select(e => e.Message["testStepResult"]!).ToList();

        results.Select(r => (string)r["status"]!).Should().Contain(["PASSED", "FAILED", "UNDEFINED", "SKIPPED"]);
        results.Should().OnlyContain(r => (long)r["duration"]!["seconds"]! >= 0 && (long)r["duration"]!["nanos"]! >= 0 && (long)r["duration"]!["nanos"]! < 1_000_000_000);
        results.Where(r => (string)r["status"]! == "FAILED").Should().ContainSingle()
            .Which["message"]!.GetValue<string>().Should().Contain("got reset").And.Contain("Freeze: " + ChaosSampleRun.FreezeCommand);
    }

    [Fact]
    public async Task The_gherkin_document_keeps_locations_tags_examples_and_doc_strings()
    {
        using var sample = await ChaosSampleRun.RunAsync();

        var feature = Envelopes(sample).Single(e => e.Type == "gherkinDocument").Message["feature"]!;

        feature["tags"]![0]!["name"]!.GetValue<string>().Should().Be("@chaos");
        var children = feature["children"]!.AsArray();
        children[0]!["background"]!["steps"]![0]!["text"]!.GetValue<string>().Should().Be("a peer on loopback");
        var outline = children.Select(c => c!["scenario"]).Single(s => s?["name"]?.GetValue<string>() == "Faults crossed with logic")!;
        outline["examples"]![0]!["tags"]![0]!["name"]!.GetValue<string>().Should().Be("@smoke");
        outline["examples"]![0]!["tableBody"]![0]!["cells"]![0]!["value"]!.GetValue<string>().Should().Be("completed");
        outline["steps"]![0]!["dataTable"]!["rows"]!.AsArray().Should().HaveCount(2);
        var docString = children.Select(c => c!["scenario"]).Single(s => s?["name"]?.GetValue<string>() == "Undefined step")!["steps"]![0]!["docString"]!;
        docString["delimiter"]!.GetValue<string>().Should().Be("```");
        docString["mediaType"]!.GetValue<string>().Should().Be("json");
        outline["location"]!["line"]!.GetValue<int>().Should().Be(14);
    }

    private static IReadOnlyList<(string Type, JsonObject Message)> Envelopes(ChaosSampleRun sample) =>
        [.. File.ReadAllLines(sample.PathOf("message")).Select(line =>
        {
            var envelope = JsonNode.Parse(line)!.AsObject();
            envelope.Should().HaveCount(1, "an envelope holds exactly one message");
            var (type, message) = envelope.Single();
            return (type, message!.AsObject());
        })];

    private static void CollectIds(JsonNode node, HashSet<string> ids)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["id"] is JsonValue id)
                    ids.Add(id.GetValue<string>()).Should().BeTrue("AST ids are unique");
                foreach (var (_, child) in obj)
                    if (child is not null) CollectIds(child, ids);
                break;
            case JsonArray array:
                foreach (var child in array)
                    if (child is not null) CollectIds(child, ids);
                break;
        }
    }
}
