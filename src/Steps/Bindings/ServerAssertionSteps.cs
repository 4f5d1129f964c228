using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Harness.ServersUnderTest.Probes;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(17, "Server assertions", "What a server under test does, watched from /proc (alive, memory, descriptors, connections) and by a " +
    "legitimate client (its probe, on a fresh connection). \"Within N ms\" steps poll until it holds or the bound runs out and report the " +
    "last snapshot; exits count from the last signal sent. The baseline is the server's warm, idle snapshot at start (see Servers under test). " +
    "Counters server_{alive|rss_kb|threads|open_fds|established|close_wait}_S are a snapshot taken when read.")]
public sealed class ServerAssertionSteps(ChaosScenario chaos)
{
    private static readonly TimeSpan LogBound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(2);

    [Then("server {string} is alive"), StepExample("Then server \"S\" is alive")]
    public async Task IsAlive(string server)
    {
        var target = await ServerAsync(server);
        if (target.Exit is { } exit) throw new ChaosAssertionException($"server {server} is not alive: it exited ({exit})");
        var now = target.Snapshot();
        if (!now.Alive) throw new ChaosAssertionException($"server {server} is not alive: {now}");
    }

    [Then("server {string} answers a legitimate client within {int} ms"), StepExample("Then server \"S\" answers a legitimate client within 2000 ms")]
    public async Task Answers(string server, int ms) =>
        (await (await ServerAsync(server)).ProbeAsync(TimeSpan.FromMilliseconds(ms), cancellationToken: chaos.Cancellation)).ThrowIfNotAnswered();

    [Then("server {string} does not answer a legitimate client within {int} ms"), StepExample("Then server \"S\" does not answer a legitimate client within 500 ms")]
    public async Task DoesNotAnswer(string server, int ms)
    {
        var probe = await (await ServerAsync(server)).ProbeAsync(TimeSpan.FromMilliseconds(ms), cancellationToken: chaos.Cancellation);
        if (probe.Answered) throw new ChaosAssertionException($"{probe}, though it should not have");
    }

    [Then("server {string} answers a legitimate client again within {int} ms"), StepExample("Then server \"S\" answers a legitimate client again within 10000 ms")]
    public async Task AnswersAgain(string server, int ms)
    {
        var within = TimeSpan.FromMilliseconds(ms);
        var probe = await (await ServerAsync(server)).WaitUntilAnswersAsync(within, within < ProbeEvery ? within : ProbeEvery, cancellationToken: chaos.Cancellation);
        probe.ThrowIfNotAnswered();
    }

    [Then("server {string} turns a legitimate client away with {string}"), StepExample("Then server \"S\" turns a legitimate client away with \"too many connections\"")]
    public async Task TurnsAway(string server, string text)
    {
        var probe = await (await ServerAsync(server)).ProbeAsync(TimeSpan.FromSeconds(5), cancellationToken: chaos.Cancellation);
        if (probe.Answered || probe.Failure?.Contains(text, StringComparison.Ordinal) != true)
            throw new ChaosAssertionException($"server {server} should have turned a legitimate client away with \"{text}\": {probe}");
    }

    [Then("a bare connect to server {string} succeeds within {int} ms"), StepExample("Then a bare connect to server \"S\" succeeds within 2000 ms")]
    public async Task BareConnect(string server, int ms) =>
        (await (await ServerAsync(server)).ProbeAsync(TimeSpan.FromMilliseconds(ms), ConnectProbe.Instance, chaos.Cancellation)).ThrowIfNotAnswered();

    [Then("the open file descriptors of server {string} return to within {int} of the baseline within {int} ms"),
     StepExample("Then the open file descriptors of server \"S\" return to within 5 of the baseline within 10000 ms")]
    public async Task FdsBack(string server, int tolerance, int ms)
    {
        var target = await ServerAsync(server);
        await Snapshot(() => target.WaitForOpenFdsAsync(Baseline(target).OpenFds, tolerance, TimeSpan.FromMilliseconds(ms), chaos.Cancellation));
    }

    [Then("server {string} has no connection in CLOSE_WAIT within {int} ms"), StepExample("Then server \"S\" has no connection in CLOSE_WAIT within 5000 ms")]
    public async Task NoCloseWait(string server, int ms) =>
        await Until(server, s => s.CloseWait == 0, "free of CLOSE_WAIT connections", ms);

    [Then("server {string} holds no connection within {int} ms"), StepExample("Then server \"R\" holds no connection within 5000 ms")]
    public async Task HoldsNone(string server, int ms) => await Until(server, s => s.Established == 0, "holding no connection", ms);

    [Then("server {string} holds at least {int} connections within {int} ms"), StepExample("Then server \"S\" holds at least 80 connections within 10000 ms")]
    public async Task HoldsAtLeast(string server, int connections, int ms) =>
        await Until(server, s => s.Established >= connections, $"holding at least {connections} connections", ms);

    [Then("the memory of server {string} grew by less than {int} MB"), StepExample("Then the memory of server \"S\" grew by less than 16 MB")]
    public async Task GrewLessThan(string server, int mb)
    {
        var (growth, now) = await GrowthAsync(server);
        if (growth >= mb * 1024L) throw new ChaosAssertionException($"the memory of server {server} grew by {growth / 1024} MB (RSS {now.RssKb} KiB), more than the {mb} MB allowed");
    }

    [Then("the memory of server {string} grew by at least {int} MB"), StepExample("Then the memory of server \"S\" grew by at least 16 MB")]
    public async Task GrewAtLeast(string server, int mb)
    {
        var (growth, now) = await GrowthAsync(server);
        if (growth < mb * 1024L) throw new ChaosAssertionException($"the memory of server {server} grew by only {growth / 1024} MB (RSS {now.RssKb} KiB), less than {mb} MB");
    }

    [Then("server {string} exits with code {int} within {int} ms of the signal"), StepExample("Then server \"S\" exits with code 0 within 5000 ms of the signal")]
    public async Task ExitsWith(string server, int code, int ms)
    {
        var target = await ServerAsync(server);
        var bound = TimeSpan.FromMilliseconds(ms);
        if (target.SinceLastSignal is null) throw new InvalidOperationException($"no signal was sent to server {server}; send one first (When server \"{server}\" gets SIGTERM)");
        ServerExit exit;
        try
        {
            exit = await target.WaitForExitAsync(bound, chaos.Cancellation);
        }
        catch (TimeoutException e)
        {
            throw new ChaosAssertionException(e.Message);
        }
        if (exit.Code != code || exit.AfterSignal > bound)
            throw new ChaosAssertionException($"server {server} should have exited with code {code} within {ms} ms of {Signal(target)}; it ended with {exit}");
    }

    [Then("server {string} is still running {int} ms after the signal"), StepExample("Then server \"S\" is still running 1000 ms after the signal")]
    public async Task StillRunningAfter(string server, int ms)
    {
        var target = await ServerAsync(server);
        var since = target.SinceLastSignal ?? throw new InvalidOperationException($"no signal was sent to server {server}");
        var left = TimeSpan.FromMilliseconds(ms) - since;
        if (left > TimeSpan.Zero)
        {
            try
            {
                var exit = await target.WaitForExitAsync(left, chaos.Cancellation);
                throw new ChaosAssertionException($"server {server} should still run {ms} ms after {Signal(target)}; it ended with {exit}");
            }
            catch (TimeoutException) { } // still running, as it should
        }
        if (target.Exit is { } ended) throw new ChaosAssertionException($"server {server} should still run {ms} ms after {Signal(target)}; it ended with {ended}");
    }

    [Then("the log of server {string} says {string}"), StepExample("Then the log of server \"S\" says \"lengthprefixed-server: stopped\"")]
    public async Task LogSays(string server, string text)
    {
        var target = await ServerAsync(server);
        // Its log may trail what a step saw (redis writes after it acted), so read again for a moment.
        if (!await Eventually.UntilAsync(() => (target.StderrTail() + target.StdoutTail()).Contains(text, StringComparison.Ordinal),
                LogBound, chaos.Time, chaos.Cancellation, pollEvery: TimeSpan.FromMilliseconds(50)))
            throw new ChaosAssertionException($"the log of server {server} does not say \"{text}\"; its stderr ends: {OneLine(target.StderrTail(300))}; its stdout ends: {OneLine(target.StdoutTail(300))}");
    }

    [Then("no process of server {string} is left"), StepExample("Then no process of server \"S\" is left")]
    public async Task NoProcessLeft(string server)
    {
        var target = await ServerAsync(server);
        IReadOnlyList<int> left = [];
        if (!await Eventually.UntilAsync(() => (left = target.ProcessesLeft()).Count == 0, LogBound, chaos.Time, chaos.Cancellation,
                pollEvery: TimeSpan.FromMilliseconds(20)))
            throw new ChaosAssertionException($"server {server} still has {left.Count} process(es) running: {string.Join(", ", left)}");
    }

    private Task<ServerUnderTest> ServerAsync(string server) => chaos.Servers.GetServerAsync(server, chaos.Cancellation);

    private static ServerSnapshot Baseline(ServerUnderTest server) =>
        server.Baseline ?? throw new InvalidOperationException($"server {server.Name} has no baseline (it was not started by a step)");

    private async Task<(long GrowthKb, ServerSnapshot Now)> GrowthAsync(string server)
    {
        var target = await ServerAsync(server);
        var now = target.Snapshot();
        return (now.RssKb - Baseline(target).RssKb, now);
    }

    private async Task Until(string server, Func<ServerSnapshot, bool> condition, string what, int ms)
    {
        var target = await ServerAsync(server);
        await Snapshot(() => target.WaitUntilAsync(condition, what, TimeSpan.FromMilliseconds(ms), chaos.Cancellation));
    }

    /// <summary>A watch that ran out is a failed assertion (its message has the last snapshot), not an error.</summary>
    private static async Task Snapshot(Func<Task<ServerSnapshot>> watch)
    {
        try { await watch(); }
        catch (TimeoutException e) { throw new ChaosAssertionException(e.Message); }
    }

    private static string Signal(ServerUnderTest server) => server.LastSignal is { } s ? ServerSignals.Name(s) : "the signal";

    private static string OneLine(string text) => string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
