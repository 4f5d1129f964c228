using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Harness.Payloads;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Harness.Tasks;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(21, "Realistic payloads", "Fake customer orders made by Bogus from the case's payload seed (the same records in every run, " +
    "replay and frozen scenario), as jsonl (one JSON object a line), csv (a header, then a line each) or frames (a 4-byte big-endian length, " +
    "then one JSON object). A peer serving them is a serving peer: its faults, its proxy and the payload assertions apply.")]
public sealed class RecordSteps(ChaosScenario chaos)
{
    [Given("an evil peer {string} serving {int} fake records as {word}"), StepExample("Given an evil peer \"EP\" serving 100 fake records as jsonl")]
    public void Serving(string peer, int count, string format)
    {
        var payload = Payload("peer:" + peer, count, FakeRecords.ParseFormat(format));
        chaos.Peers.DefineEvilPeer(peer).Serve(payload);
    }

    [When("task {string} uploads {int} fake records as {word} to peer {string}"), StepExample("When task \"C\" uploads 50 fake records as csv to peer \"EP\"")]
    public async Task Uploads(string task, int count, string format, string peer)
    {
        var payload = Payload($"upload:{task}", count, FakeRecords.ParseFormat(format))();
        var running = await chaos.Peers.GetAsync(peer, chaos.Cancellation);
        chaos.Tasks.Enqueue(task, TaskActions.Upload(chaos.Tasks.Get(task), running, payload, TaskSteps.DefaultChunk, chaos.Counters, chaos.Timeline));
    }

    /// <summary>Of its last transfer: how many whole records a parser gets from what arrived (a record cut at the end does not count).</summary>
    [Then("task {string} received {int} complete {word} records"), StepExample("Then task \"C\" received 100 complete jsonl records")]
    public async Task ReceivedComplete(string task, int count, string format)
    {
        var recordFormat = FakeRecords.ParseFormat(format);
        await chaos.Tasks.WaitIdleAsync([task], chaos.Cancellation);
        var last = chaos.Tasks.Started(task).LastTransfer ?? throw new ChaosAssertionException($"task {task} has no transfer");
        int complete;
        try { complete = FakeRecords.CountComplete(last.Result.Received, recordFormat); }
        catch (FormatException e) { throw new ChaosAssertionException($"task {task} received {format} that does not parse: {e.Message}"); }
        if (complete != count)
            throw new ChaosAssertionException($"task {task} received {complete} complete {format} records, expected {count} " +
                $"({last.Result.BytesReceived} B, outcome {Harness.Clients.OutcomeClassifier.Name(last.Result.Outcome)})");
    }

    /// <summary>Drawn when first needed, so a pinned seeds step may come after the Given that names the records.</summary>
    private Func<byte[]> Payload(string purpose, int count, RecordFormat format)
    {
        if (count is < 0 or > FakeRecords.MaxCount)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"fake records: the count must be 0..{FakeRecords.MaxCount}");
        return () => FakeRecords.Encode(FakeRecords.Generate(chaos.Seeds.PayloadFor(purpose, "records").Value, count), format);
    }
}
