using System.Text.Json;
using ChaosFeatures.EvilPeer.Waiting;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Steps.Run;
using ChaosFeatures.Steps.Tests.Support;

namespace ChaosFeatures.Steps.Tests.Run;

public sealed class EventLogTests
{
    [Fact]
    public async Task Each_case_logs_its_seeds_first_then_peer_and_client_events()
    {
        var suite = FixtureRun.Suite("eventlog.feature");
        var cases = suite.TestCases.ToArray();
        cases.Should().HaveCount(2);
        await using (var run = await FixtureRun.StartAsync(suite))
            foreach (var testCase in cases)
                (await run.RunAsync(testCase)).Status.Should().Be(CaseStatus.Passed);

        // The log is written in the background, in batches: wait (bounded) until every case's last event, its leak
        // verdict, has landed. A forked peer's events reach the timeline through its pipe, after the client's outcome.
        JsonElement[] lines = [];
        await Eventually.UntilAsync(() => cases.All(c => (lines = Read(ChaosRun.Current.Results.EventsPath)).Any(e => IsLeakVerdictOf(e, c.Id))),
            TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);
        foreach (var testCase in cases)
        {
            var events = lines.Where(e => e.GetProperty("test").GetString() == testCase.Id).ToArray();
            events.Should().NotBeEmpty(testCase.Id);
            events.Where(e => e.GetProperty("kind").GetString() == "seeds").Should().ContainSingle();
            events[0].GetProperty("kind").GetString().Should().Be("seeds");
            events[0].GetProperty("gen").GetUInt64().Should().Be(1);
            events.Should().Contain(e => e.GetProperty("kind").GetString() == "peer" && e.GetProperty("event").GetString() == "write");
            events.Should().Contain(e => e.GetProperty("kind").GetString() == "client" && e.GetProperty("event").GetString() == "outcome");
        }
    }

    private static bool IsLeakVerdictOf(JsonElement e, string testId) =>
        e.GetProperty("test").GetString() == testId && e.GetProperty("kind").GetString() == "invariant" && e.GetProperty("event").GetString() == "no_leaks";

    private static JsonElement[] Read(string path) => [.. ReadShared(path).Select(l => JsonDocument.Parse(l).RootElement)];

    /// <summary>The log stays open (shared) for the whole process, so read it the way a second writer would allow.</summary>
    private static string[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
