using System.Security.Cryptography;
using FluentAssertions;
using Reqnroll;
using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Harness.Peers;
using ChaosFeatures.Steps.Scenario;
using ChaosFeatures.Harness.Tasks;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(4, "Assertions", "Each Then step first waits for the tasks it names to drain their queues (steps about peers or counters wait " +
    "for every task), bounded by the tasks' own timeouts and sleeps plus 5 s. A task's outcome and bytes are those of its last transfer. " +
    "Outcomes are defined in the Outcomes section below.")]
public sealed class AssertionSteps(ChaosScenario chaos)
{
    private readonly ScenarioWaits _waits = new(chaos);

    [Then("task {string} received the payload of peer {string} intact"), StepExample("Then task \"C\" received the payload of peer \"EP\" intact")]
    public async Task ReceivedIntact(string task, string peer)
    {
        var download = await _waits.LastAsync(task, download: true);
        chaos.Invariants.PayloadIntact(task, Served(peer), download.Result.Received);
    }

    [Then("task {string} received a clean prefix of peer {string}"), StepExample("Then task \"C\" received a clean prefix of peer \"EP\"")]
    public async Task ReceivedCleanPrefix(string task, string peer)
    {
        var download = await _waits.LastAsync(task, download: true);
        chaos.Invariants.CleanPrefix(task, Served(peer), download.Result.Received);
    }

    [Then("task {string} received the content of stream {string} intact"), StepExample("Then task \"C\" received the content of stream \"S\" intact")]
    public async Task ReceivedStreamIntact(string task, string stream)
    {
        var download = await _waits.LastAsync(task, download: true);
        chaos.Invariants.PayloadIntact(task, chaos.Streams.Get(stream).Content, download.Result.Received);
    }

    [Then("task {string} received a clean prefix of stream {string}"), StepExample("Then task \"C\" received a clean prefix of stream \"S\"")]
    public async Task ReceivedStreamCleanPrefix(string task, string stream)
    {
        var download = await _waits.LastAsync(task, download: true);
        chaos.Invariants.CleanPrefix(task, chaos.Streams.Get(stream).Content, download.Result.Received);
    }

    /// <summary>Of its last transfer: a download's bytes, or what an upload's peer sent back (an echo).</summary>
    [Then("task {string} received {int} bytes"), StepExample("Then task \"C\" received 100 bytes")]
    public async Task ReceivedBytes(string task, int bytes)
    {
        var received = (await _waits.LastAsync(task, download: null)).Result.BytesReceived;
        Expect.That(() => received.Should().Be(bytes, "task {0} should have received that many bytes in its last transfer", task));
    }

    [Then("task {string} got the reply {string}"), StepExample("Then task \"C\" got the reply \"+PONG\"")]
    public async Task GotReply(string task, string expected)
    {
        var exchange = await _waits.LastAsync(task, download: null);
        var reply = LineExchange.ReplyLine(exchange.Result.Received);
        if (reply != expected)
            throw new ChaosAssertionException($"{task}: the reply was {(reply is null ? "no whole line" : $"\"{reply}\"")}, expected \"{expected}\" " +
                $"(outcome {OutcomeClassifier.Name(exchange.Result.Outcome)}, {exchange.Result.BytesReceived} B received)");
    }

    [Then("the outcome of task {string} is {word}"), StepExample("Then the outcome of task \"C\" is eof")]
    public async Task OutcomeIs(string task, string outcome)
    {
        var expected = ParseOutcomes(outcome);
        chaos.Invariants.OutcomeIn(task, (await _waits.LastAsync(task, download: null)).Result.Outcome, expected);
    }

    [Then("the outcome of task {string} is one of {string}"), StepExample("Then the outcome of task \"C\" is one of \"eof, reset\"")]
    public async Task OutcomeIsOneOf(string task, string outcomes)
    {
        var expected = ParseOutcomes(outcomes);
        chaos.Invariants.OutcomeIn(task, (await _waits.LastAsync(task, download: null)).Result.Outcome, expected);
    }

    [Then("peer {string} read the upload of task {string} intact"), StepExample("Then peer \"EP\" read the upload of task \"C\" intact")]
    public async Task PeerReadUpload(string peer, string task)
    {
        var upload = await _waits.LastAsync(task, download: false);
        var expected = Convert.ToHexStringLower(SHA256.HashData(upload.Sent.Span));
        var stats = await _waits.SettledAsync(peer, s => s.ReadSha256ByConnection.Values.Contains(expected));
        var hashes = stats.ReadSha256ByConnection.Values;
        if (!hashes.Contains(expected))
            throw new ChaosAssertionException($"peer {peer} did not read the {upload.Sent.Length} B upload of task {task} intact: " +
                $"expected sha256={expected}; its connections read {stats.BytesRead} B in all, hashes [{string.Join(", ", hashes)}]");
    }

    [Then("peer {string} read {int} bytes"), StepExample("Then peer \"EP\" read 1000 bytes")]
    public async Task PeerRead(string peer, int bytes)
    {
        await chaos.Tasks.WaitAllIdleAsync(chaos.Cancellation);
        var read = (await _waits.SettledAsync(peer, stats => stats.BytesRead == bytes)).BytesRead;
        Expect.That(() => read.Should().Be(bytes, "peer {0} should have read that many bytes", peer));
    }

    [Then("counter {string} equals {int}"), StepExample("Then counter \"io_download_ok_C\" equals 1")]
    public async Task CounterEquals(string counter, int value)
    {
        var actual = await CounterAsync(counter, c => c == value);
        Expect.That(() => actual.Should().Be(value, "that is what counter {0} should be", counter));
    }

    [Then("counter {string} is at least {int}"), StepExample("Then counter \"io_recv_bytes_C\" is at least 1")]
    public async Task CounterAtLeast(string counter, int value)
    {
        var actual = await CounterAsync(counter, c => c >= value);
        Expect.That(() => actual.Should().BeGreaterThanOrEqualTo(value, "that is the least counter {0} should be", counter));
    }

    [Then("task {string} is completed"), StepExample("Then task \"C\" is completed")]
    public async Task IsCompleted(string task)
    {
        var chaosTask = await _waits.IdleAsync(task);
        var state = chaosTask.Describe(chaos.Tasks.Scheduler);
        var outcome = chaosTask.LastTransfer?.Result.Outcome;
        // A cancelled task counts as completed only when the cancel is its transfer's outcome, i.e. the client saw it.
        if (state is "idle" or "completed" || (state == "cancelled" && outcome == Outcome.Cancelled)) return;
        throw new ChaosAssertionException($"task {task} is not completed: it is {state}" +
            (outcome is { } o ? $" (last outcome {OutcomeClassifier.Name(o)})" : "") + $"; its actions: {chaosTask.History}");
    }

    [Then("task {string} was cancelled"), StepExample("Then task \"C\" was cancelled")]
    public async Task WasCancelled(string task)
    {
        var chaosTask = await _waits.IdleAsync(task);
        var state = chaosTask.Describe(chaos.Tasks.Scheduler);
        if (state != "cancelled")
            throw new ChaosAssertionException($"task {task} was not cancelled: it is {state}; its actions: {chaosTask.History}");
    }

    [Then("the upload of task {string} stalled"), StepExample("Then the upload of task \"C\" stalled")]
    public async Task UploadStalled(string task)
    {
        var upload = await _waits.LastAsync(task, download: false);
        var result = upload.Result;
        if (result.Outcome is not (Outcome.Timeout or Outcome.Cancelled) || result.BytesSent >= upload.Sent.Length)
            throw new ChaosAssertionException($"the upload of task {task} did not stall: outcome {OutcomeClassifier.Name(result.Outcome)}, " +
                $"sent {result.BytesSent} of {upload.Sent.Length} B (a stall ends in timeout or cancelled with bytes unsent)");
    }

    [Then("no orphan tasks"), StepExample("Then no orphan tasks")]
    public async Task NoOrphanTasks()
    {
        var orphans = await chaos.Tasks.EndAllAsync(abort: false, chaos.StartTeardown());
        if (orphans.Count > 0) throw new ChaosAssertionException("orphan scenario tasks: " + string.Join("; ", orphans));
    }

    [Then("no sockets leaked"), StepExample("Then no sockets leaked")]
    public async Task NoSocketsLeaked()
    {
        var problems = await chaos.EndAsync(abort: false);
        if (problems.Count > 0) throw new ChaosAssertionException("left behind: " + string.Join("; ", problems));
    }

    [Then("the transfer of task {string} took at least {int} ms"), StepExample("Then the transfer of task \"C\" took at least 50 ms")]
    public async Task TookAtLeast(string task, int ms)
    {
        var took = (await _waits.LastAsync(task, download: null)).Result.Duration;
        Expect.That(() => took.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(ms), "that is the least the transfer of task {0} should take", task));
    }

    [Then("the transfer of task {string} took less than {int} ms"), StepExample("Then the transfer of task \"C\" took less than 1000 ms")]
    public async Task TookLessThan(string task, int ms)
    {
        var took = (await _waits.LastAsync(task, download: null)).Result.Duration;
        Expect.That(() => took.Should().BeLessThan(TimeSpan.FromMilliseconds(ms), "the transfer of task {0} should take less", task));
    }

    private byte[] Served(string peer) => chaos.Peers.Spec(peer).ServedPayload
        ?? throw new InvalidOperationException($"evil peer \"{peer}\" serves no payload (it reads or echoes)");

    /// <summary>
    /// The counter once every task is idle. A peer, evil client or server counter is re-read (bounded) until it says what
    /// is <paramref name="expected"/>, because a forked peer's stats arrive as events a little after the fact and a server's
    /// /proc numbers settle a moment after its clients are done.
    /// </summary>
    private async Task<long> CounterAsync(string counter, Func<long, bool> expected)
    {
        await chaos.Tasks.WaitAllIdleAsync(chaos.Cancellation);
        long actual = 0;
        bool settled()
        {
            chaos.RecordCounters();
            actual = chaos.Counters.Get(counter);
            return expected(actual) || !CounterNames.IsLive(counter);
        }
        // Not settled within the bound: the caller's assertion reports the last value read.
        await Eventually.UntilAsync(settled, ScenarioWaits.PeerSettleBound, chaos.Time, chaos.Cancellation);
        return actual;
    }

    internal static Outcome[] ParseOutcomes(string text)
    {
        var names = text.Split([',', '|', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new ArgumentException("no outcome given; accepted: " + Accepted);
        return [.. names.Select(n => Enum.TryParse<Outcome>(n, ignoreCase: true, out var o) && OutcomeClassifier.Name(o) == n
            ? o
            : throw new ArgumentException($"outcome '{n}' is unknown; accepted: {Accepted}"))];
    }

    private static string Accepted => string.Join(" | ", Enum.GetValues<Outcome>().Select(OutcomeClassifier.Name));
}
