using Reqnroll;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using ChaosFeatures.Harness.Tasks;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(3, "Clients and tasks", "Given steps configure a named task; When steps append actions to its queue and return at once, so tasks " +
    "run concurrently on the scenario scheduler (CHAOS_SCHED). A task runs its actions in order; a cancel ends it at the action it interrupts. " +
    "Defaults: the socket driver, giving up after 10000 ms, 8192-byte reads and writes.")]
public sealed class TaskSteps(ChaosScenario chaos)
{
    internal const int DefaultChunk = 8192;

    [Given("task {string} uses the {word} driver"), StepExample("Given task \"C\" uses the stream driver")]
    public void UsesDriver(string task, string driver) => chaos.Tasks.Get(task).Settings.UseDriver(driver);

    [Given("task {string} gives up after {int} ms"), StepExample("Given task \"C\" gives up after 2000 ms")]
    public void GivesUpAfter(string task, int ms) => chaos.Tasks.Get(task).Settings.GiveUpAfter(ms);

    [When("task {string} downloads from peer {string}"), StepExample("When task \"C\" downloads from peer \"EP\"")]
    public Task Downloads(string task, string peer) => Download(task, peer, DefaultChunk);

    [When("task {string} downloads from peer {string} byte by byte"), StepExample("When task \"C\" downloads from peer \"EP\" byte by byte")]
    public Task DownloadsByteByByte(string task, string peer) => Download(task, peer, 1);

    [When("task {string} downloads from peer {string} in {int}-byte reads"), StepExample("When task \"C\" downloads from peer \"EP\" in 7-byte reads")]
    public Task DownloadsInReads(string task, string peer, int bytes) => Download(task, peer, bytes);

    [When("task {string} uploads {int} bytes to peer {string}"), StepExample("When task \"C\" uploads 1000 bytes to peer \"EP\"")]
    public Task Uploads(string task, int bytes, string peer) => Upload(task, bytes, peer, DefaultChunk);

    [When("task {string} uploads {int} bytes to peer {string} in {int}-byte writes"), StepExample("When task \"C\" uploads 1000 bytes to peer \"EP\" in 10-byte writes")]
    public Task UploadsInWrites(string task, int bytes, string peer, int writeSize) => Upload(task, bytes, peer, writeSize);

    [When("task {string} sleeps {int} ms"), StepExample("When task \"K\" sleeps 20 ms")]
    public void Sleeps(string task, int ms) => chaos.Tasks.Enqueue(task, TaskActions.Sleep(ms, chaos.Timeline, chaos.Time));

    [When("task {string} cancels task {string}"), StepExample("When task \"K\" cancels task \"C\"")]
    public void Cancels(string task, string target)
    {
        chaos.Tasks.Started(target); // the target must exist now, or the killer would fault later with less context
        chaos.Tasks.Enqueue(task, TaskActions.Cancel(target, chaos.Tasks, chaos.Timeline));
    }

    private async Task Download(string task, string peer, int readSize)
    {
        var running = await chaos.Peers.GetAsync(peer, chaos.Cancellation);
        chaos.Tasks.Enqueue(task, TaskActions.Download(chaos.Tasks.Get(task), running, readSize, chaos.Counters, chaos.Timeline));
    }

    private async Task Upload(string task, int bytes, string peer, int writeSize)
    {
        var running = await chaos.Peers.GetAsync(peer, chaos.Cancellation);
        var payload = chaos.Seeds.PayloadFor($"{task}:{bytes}", "upload").Payload(bytes);
        chaos.Tasks.Enqueue(task, TaskActions.Upload(chaos.Tasks.Get(task), running, payload, writeSize, chaos.Counters, chaos.Timeline));
    }
}
