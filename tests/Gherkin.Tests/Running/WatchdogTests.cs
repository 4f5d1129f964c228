using System.Diagnostics;
using ChaosFeatures.Gherkin.Running;

namespace ChaosFeatures.Gherkin.Tests.Running;

/// <summary>
/// Reqnroll has no scenario timeout; the bridge's watchdog cuts a case whose steps outlive it. A step that
/// stops on the case's token ends the case normally; one that does not is abandoned with its runner, and
/// its after-hooks, the next case of its feature and the reports still come out right.
/// </summary>
[Collection(ReqnrollRuns.Name)]
public sealed class WatchdogTests : IDisposable
{
    private const string Feature = """
        @driver
        Feature: Hanging
          Scenario: hangs
            Given a step that records "hang started"
            And a step that blocks until released
            And a step that records "after the hang"

          Scenario: after the hung one
            Given a step that records "next case ran"

          Scenario: stops when told
            Given a step that waits for the watchdog
            And a step that records "after the cooperative wait"
        """;

    private const string Json = """
        {
          "runtime": { "missingOrPendingStepsOutcome": "Error" },
          "formatters": { "message": {}, "junit": {} }
        }
        """;

    private readonly SampleSuite _suite = new SampleSuite(Json).Feature("hanging", Feature);

    public WatchdogTests()
    {
        DriverSteps.ResetHang();
        DriverSteps.Log.Clear();
    }

    public void Dispose()
    {
        DriverSteps.Hang.Release(8); // wake the abandoned step so its thread ends with the test
        _suite.Dispose();
    }

    private static SuiteRunOptions Quick(SuiteRunOptions options) =>
        options with { ScenarioTimeout = TimeSpan.FromSeconds(1), StopGrace = TimeSpan.FromMilliseconds(500), AfterHookTimeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task A_hung_step_fails_its_case_naming_the_step_and_the_feature_goes_on_with_whole_hooks_and_reports()
    {
        var started = Stopwatch.GetTimestamp();

        var results = await _suite.RunAsync(c => c.ScenarioName != "stops when told", Quick);

        var hung = results.Of("hangs");
        hung.Status.Should().Be(CaseStatus.Failed);
        hung.Message.Should().StartWith("Scenario timed out after 1 s in step 'And a step that blocks until released' (line 5).")
            .And.Contain("after-scenario saw the timeout; failing step: line 5", "its AfterScenario hooks ran after the cut");
        hung.ErrorType.Should().Be(typeof(TimeoutException).FullName);
        results.Of("after the hung one").Status.Should().Be(CaseStatus.Passed);
        Stopwatch.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(30), "the run must not wait for the hung step");

        var log = DriverSteps.Log.ToList();
        log.Should().NotContain("after the hang").And.Contain("next case ran");
        log.Count(l => l == "before-feature:Hanging").Should().Be(2, "the next case runs on a fresh runner, with its own BeforeFeature");
        log.Count(l => l == "after-feature:Hanging").Should().Be(2, "and both runners' feature contexts see AfterFeature");
        results.RunProblems.Should().BeEmpty();

        var junit = _suite.Report("reports/junit.xml");
        junit.Should().Contain("tests=\"2\"").And.Contain("failures=\"1\"").And.Contain("timed out after 1 s");
        _suite.Report("reports/cucumber-messages.ndjson").Should().Contain("\"status\":\"FAILED\"");
    }

    [Fact]
    public async Task A_step_that_observes_the_token_stops_the_case_without_running_further_steps()
    {
        var results = await _suite.RunAsync(c => c.ScenarioName == "stops when told", Quick);

        results.Of("stops when told").Should().Match<CaseResult>(r => r.Status == CaseStatus.Failed
            && r.Message!.StartsWith("Scenario timed out after 1 s in step 'Given a step that waits for the watchdog' (line 12).")
            && !r.Message.Contains("TaskCanceledException"));
        DriverSteps.Log.Should().NotContain("after the cooperative wait").And.Contain("after-scenario:stops when told");
        DriverSteps.Log.Count(l => l == "before-feature:Hanging").Should().Be(1, "its runner went back to the pool: nothing was abandoned");
    }
}
