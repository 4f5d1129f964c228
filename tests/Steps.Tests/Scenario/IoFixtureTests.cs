using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Harness.Replay;
using ChaosFeatures.Steps.Tests.Bindings;
using ChaosFeatures.Steps.Tests.Support;

namespace ChaosFeatures.Steps.Tests.Scenario;

/// <summary>Every io phrase against real peers, proxies and forked hosts: the passing fixtures pass, the failing ones fail saying why.</summary>
public sealed class IoFixtureTests
{
    public static TheoryData<string> Passing() => [.. FixtureRun.Load("io.feature").Select(c => c.ScenarioName)];

    [Theory]
    [MemberData(nameof(Passing))]
    public async Task Passing_fixture_passes(string scenario)
    {
        var result = await FixtureRun.RunAsync("io.feature", scenario);

        result.Status.Should().Be(CaseStatus.Passed, result.Message);
    }

    [Theory]
    [InlineData("expects the wrong outcome", "C: outcome completed is not one of reset")]
    [InlineData("expects a cancel that never came", "task C was not cancelled: it is idle")]
    [InlineData("a task outlives the scenario", "task 'K' is still running")]
    [InlineData("a fault that does not fit the peer", "that fault is for serve peers, and \"EP\" is a consume peer")]
    [InlineData("seeds pinned too late", "put it before every other chaos step")]
    [InlineData("a counter nobody registered", "counter 'io_download_ok_X' is unknown; known: ")]
    [InlineData("a stream error nobody knows", "stream error 'hiccup' is unknown; accepted: io | connectionreset | connectionaborted | brokenpipe | timedout")]
    [InlineData("a stream fault after its first read", "in-memory stream \"S\" is already being read; give it its faults in Given steps before the first read")]
    [InlineData("a stream nobody defined", "no in-memory stream \"T\" yet; known: none")]
    public async Task Failing_fixture_fails_naming_the_problem(string scenario, string expected)
    {
        var result = await FixtureRun.RunAsync("failing.feature", scenario);

        result.Status.Should().Be(CaseStatus.Failed);
        result.Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("expects the wrong outcome", "the outcome of task \"C\" is reset")]
    [InlineData("a client leaks its socket", null)] // the leak check runs after the last step passed
    public async Task The_replay_descriptor_names_the_step_that_failed(string scenario, string? failingStep)
    {
        var result = await FixtureRun.RunAsync("failing.feature", scenario);

        result.Status.Should().Be(CaseStatus.Failed);
        const string prefix = "Replay descriptor: ";
        var path = result.Message!.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
        var descriptor = ReplayDescriptorJson.Read(path);
        if (failingStep is null) descriptor.FailingStep.Should().BeNull();
        else descriptor.FailingStep!.Text.Should().Be(failingStep);
    }

    [Fact]
    public async Task A_wrong_assertion_fails_with_the_timeline_of_peer_and_client_events()
    {
        var result = await FixtureRun.RunAsync("failing.feature", "expects an intact payload from a peer that closes early");

        result.Status.Should().Be(CaseStatus.Failed);
        result.Message.Should().Contain("C: payload not intact: expected 1000 B")
            .And.Contain("timeline of Fixtures/failing.feature:4 (1/fifo)").And.Contain("harness seeds gen=")
            .And.Contain("EP listen").And.Contain("EP fin").And.Contain("C connect driver=socket")
            .And.Contain("C outcome outcome=eof recv=100")
            .And.Contain("C payload_intact ok=false");
    }

    [Fact]
    public async Task A_leaked_client_socket_fails_the_scenario_naming_it()
    {
        try
        {
            var result = await FixtureRun.RunAsync("failing.feature", "a client leaks its socket");

            result.Status.Should().Be(CaseStatus.Failed);
            var port = LeakySteps.Leaked.Single().PeerPort;
            result.Message.Should().MatchRegex($@"leaked socket inode \d+ local port \d+ remote port {port} state \w+")
                .And.Contain("timeline of");
        }
        finally
        {
            LeakySteps.CloseAll();
        }
    }
}
