using Reqnroll;
using ChaosFeatures.Harness.Faults;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using ChaosFeatures.Harness.Tasks;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(6, "In-memory fault streams", "Layer 1: logic-axis faults in microseconds, no sockets. Given steps define a named stream of " +
    "seeded bytes and wrap it in faults, in step order (the first nearest the bytes), before its first read. Each read opens the stream " +
    "afresh, so every reader meets the faults from byte 0. A read is queued on the task and recorded as a download: the task's " +
    "give-up time, killers, counters and Then steps apply as for a peer; its driver does not. Error kinds: " +
    "io | connectionreset | connectionaborted | brokenpipe | timedout.")]
public sealed class FaultStreamSteps(ChaosScenario chaos)
{
    [Given("an in-memory stream {string} holding {int} bytes"), StepExample("Given an in-memory stream \"S\" holding 256 bytes")]
    public void Holding(string stream, int bytes) => chaos.Streams.Define(stream, bytes);

    [Given("stream {string} fails one operation in every {int}"), StepExample("Given stream \"S\" fails one operation in every 3")]
    public void FailsEveryNth(string stream, int n) => chaos.Streams.Get(stream).Add(FaultMode.FailEveryNth(n));

    [Given("stream {string} fails after {int} bytes"), StepExample("Given stream \"S\" fails after 100 bytes")]
    public void FailsAfter(string stream, int bytes) => chaos.Streams.Get(stream).Add(FaultMode.FailAfterN(bytes));

    [Given("stream {string} returns at most {int} bytes per read"), StepExample("Given stream \"S\" returns at most 3 bytes per read")]
    public void PartialReads(string stream, int bytes) => chaos.Streams.Get(stream).Add(FaultMode.PartialRead(bytes));

    [Given("stream {string} times out after {int} ms"), StepExample("Given stream \"S\" times out after 50 ms")]
    public void TimesOut(string stream, int ms) => chaos.Streams.Get(stream).Add(FaultMode.Timeout(ms));

    [Given("stream {string} flips a bit at byte {int}"), StepExample("Given stream \"S\" flips a bit at byte 10")]
    public void FlipsBit(string stream, int offset) => chaos.Streams.Get(stream).Add(FaultMode.Corrupt((long)offset));

    [Given("stream {string} fails with {word}"), StepExample("Given stream \"S\" fails with connectionreset")]
    public void FailsWith(string stream, string error) => chaos.Streams.Get(stream).Add(FaultMode.ReturnError(ErrorKind(error)));

    [When("task {string} reads stream {string}"), StepExample("When task \"C\" reads stream \"S\"")]
    public void Reads(string task, string stream) => Read(task, stream, TaskSteps.DefaultChunk);

    [When("task {string} reads stream {string} in {int}-byte reads"), StepExample("When task \"C\" reads stream \"S\" in 7-byte reads")]
    public void ReadsInReads(string task, string stream, int bytes) => Read(task, stream, bytes);

    private void Read(string task, string stream, int readSize) =>
        chaos.Tasks.Enqueue(task, TaskActions.ReadStream(chaos.Tasks.Get(task), chaos.Streams.Get(stream), readSize, chaos.Counters, chaos.Timeline));

    /// <summary>By name only, case-insensitive: Enum.TryParse would also take "3", which reads as nothing in a feature.</summary>
    private static FaultErrorKind ErrorKind(string name)
    {
        foreach (var kind in Enum.GetValues<FaultErrorKind>())
            if (kind.ToString().Equals(name, StringComparison.OrdinalIgnoreCase)) return kind;
        var accepted = string.Join(" | ", Enum.GetNames<FaultErrorKind>().Select(n => n.ToLowerInvariant()));
        throw new ArgumentException($"stream error '{name}' is unknown; accepted: {accepted}");
    }
}
