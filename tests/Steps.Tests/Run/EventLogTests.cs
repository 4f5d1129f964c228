using System.Text.Json;
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

        var lines = ReadShared(ChaosRun.Current.Results.EventsPath).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
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

    /// <summary>The log stays open (shared) for the whole process, so read it the way a second writer would allow.</summary>
    private static string[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
