using System.Text.Json.Nodes;

namespace ChaosFeatures.Gherkin.Tests.Reporting;

/// <summary>Reqnroll's own <c>message</c> formatter fed with the bridge's synthesized pickles.</summary>
[Collection(Running.ReqnrollRuns.Name)]
public sealed class MessageTests(SampleRunFixture fixture) : IClassFixture<SampleRunFixture>
{
    private ChaosSampleRun Sample => fixture.Sample;

    [Fact]
    public void Envelopes_come_one_per_line_in_cucumber_order_with_a_pickle_per_case_that_ran()
    {
        var types = Envelopes().Select(e => e.Type).ToList();

        types.Take(2).Should().BeEquivalentTo(["testRunStarted", "meta"], "Reqnroll opens the stream with these");
        types.Last().Should().Be("testRunFinished");
        types.IndexOf("source").Should().BeLessThan(types.IndexOf("gherkinDocument"));
        types.IndexOf("gherkinDocument").Should().BeLessThan(types.IndexOf("pickle"));
        types.Count(t => t == "pickle").Should().Be(Sample.Ran.Count, "one pickle per case of this run");
        types.Count(t => t == "testCase").Should().Be(Sample.Ran.Count);
        types.Count(t => t == "testCaseFinished").Should().Be(Sample.Ran.Count);
        types.Should().Contain("attachment").And.Contain("stepDefinition");
    }

    [Fact]
    public void Each_combination_is_its_own_pickle_with_the_steps_it_ran_and_the_case_id_as_its_id()
    {
        var pickles = Envelopes().Where(e => e.Type == "pickle").Select(e => e.Message).ToList();

        pickles.Select(p => (string)p["id"]!).Should().Equal(Sample.Ran.Select(c => c.Id));
        foreach (var (pickle, testCase) in pickles.Zip(Sample.Ran))
            pickle["steps"]!.AsArray().Select(s => (string)s!["text"]!).Should().Equal(testCase.Steps.Select(s => s.Text), "fuzzed values are concrete");
        var reset = pickles.Single(p => p["steps"]!.AsArray().Any(s => (string)s!["text"]! == "the peer resets after 5 bytes"));
        reset["steps"]!.AsArray().Select(s => (string)s!["text"]!).Should().NotContain(t => t.StartsWith("the peer sends slices"), "only the chosen row");
    }

    [Fact]
    public void The_document_gives_every_mutated_scenario_one_examples_row_per_combination()
    {
        var feature = Envelopes().Single(e => e.Type == "gherkinDocument").Message["feature"]!;
        var scenarios = feature["children"]!.AsArray().Select(c => c!["scenario"]).Where(s => s is not null).ToList();

        var download = scenarios.Single(s => (string)s!["name"]! == "Download under transport faults")!;
        var table = download["examples"]!.AsArray().Should().ContainSingle().Subject!;
        table["tableHeader"]!["cells"]!.AsArray().Select(c => (string)c!["value"]!).Should().Equal("combination");
        table["tableBody"]!.AsArray().Select(r => (string)r!["cells"]![0]!["value"]!).Should().Equal(
            "o0: the peer sends slices of 1..3 bytes", "o1: the peer resets after 5 bytes");

        var outline = scenarios.Single(s => (string)s!["name"]! == "Faults crossed with logic")!;
        var smoke = outline["examples"]!.AsArray().Should().ContainSingle().Subject!;
        smoke["tags"]![0]!["name"]!.GetValue<string>().Should().Be("@smoke", "an Examples block keeps its tags");
        smoke["tableHeader"]!["cells"]!.AsArray().Select(c => (string)c!["value"]!).Should().Equal("outcome", "combination");
        smoke["tableBody"]!.AsArray().Should().HaveCount(8, "one row x two one-of rows x four any-of subsets");
        smoke["tableBody"]![0]!["cells"]![1]!["value"]!.GetValue<string>().Should().Be("o0-a_: the peer sends slices of 2 bytes; (none)");
    }

    [Fact]
    public void Every_id_refers_to_a_message_that_came_before_it()
    {
        var astIds = new HashSet<string>();
        var pickleSteps = new Dictionary<string, HashSet<string>>();
        var definitions = new HashSet<string>();
        var testSteps = new Dictionary<string, HashSet<string>>();
        var started = new Dictionary<string, string>();
        foreach (var (type, message) in Envelopes())
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
                    }
                    testSteps.Add((string)message["id"]!, [.. message["testSteps"]!.AsArray().Select(s => (string)s!["id"]!)]);
                    break;
                case "testCaseStarted":
                    started.Add((string)message["id"]!, (string)message["testCaseId"]!);
                    break;
                case "testStepFinished":
                    testSteps[started[(string)message["testCaseStartedId"]!]].Should().Contain((string)message["testStepId"]!);
                    break;
            }
        }
        started.Should().HaveCount(Sample.Ran.Count);
    }

    [Fact]
    public void Results_carry_status_and_the_failure_text_and_the_case_log_is_an_attachment()
    {
        var envelopes = Envelopes();
        var results = envelopes.Where(e => e.Type == "testStepFinished").Select(e => e.Message["testStepResult"]!).ToList();

        results.Select(r => (string)r["status"]!).Should().Contain(["PASSED", "FAILED", "UNDEFINED"]);
        results.Where(r => (string)r["status"]! == "FAILED").Should().ContainSingle()
            .Which["message"]!.GetValue<string>().Should().Contain("got reset");
        envelopes.Where(e => e.Type == "attachment").Select(e => (string)e.Message["body"]!).Should().Contain(b => b.Contains("Freeze: " + ChaosSampleRun.FreezeCommand));
    }

    private IReadOnlyList<(string Type, JsonObject Message)> Envelopes() =>
        [.. File.ReadAllLines(Sample.PathOf("message")).Where(l => l.Length > 0).Select(line =>
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

/// <summary>One sample run for every test that only reads its reports.</summary>
public sealed class SampleRunFixture : IAsyncLifetime
{
    internal ChaosSampleRun Sample { get; private set; } = null!;

    public async Task InitializeAsync() => Sample = await ChaosSampleRun.RunAsync();

    public Task DisposeAsync()
    {
        Sample.Dispose();
        return Task.CompletedTask;
    }
}
