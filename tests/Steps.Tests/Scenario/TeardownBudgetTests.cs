using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Steps.Tests.Bindings;
using ChaosFeatures.Steps.Tests.Support;

namespace ChaosFeatures.Steps.Tests.Scenario;

/// <summary>
/// A scenario whose peer hangs when stopped and whose task ignores its token still ends within the teardown budget,
/// well inside the bridge's after-hook timeout, names both, and, once they are released, leaves no socket, task or
/// process. Alone, so that the process's descendants are the fixture's.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class TeardownBudgetTests
{
    /// <summary>The hooks after the teardown (replay descriptor, reports) and the run's end; below the 2 s the after-hook timeout leaves.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    [Fact]
    public void The_budget_is_strictly_below_the_after_hook_timeout() =>
        TeardownLimits.ScenarioBudget.Should().BeLessThan(TeardownLimits.AfterHookTimeout).And.BePositive();

    [Fact]
    public async Task A_hung_peer_and_a_hung_task_end_within_the_budget_reported_and_leave_nothing()
    {
        var before = Leftovers.Descendants();
        CaseResult result;
        TimeSpan teardown;
        try
        {
            result = await FixtureRun.RunAsync("teardown_budget.feature", "a hung peer and a hung task");
            teardown = TimeProvider.System.GetElapsedTime(HungTeardownSteps.StepsDoneAt);
        }
        finally
        {
            HungTeardownSteps.Release(); // the test's stand-in for a hung peer and task that finally give up
        }

        result.Status.Should().Be(CaseStatus.Failed);
        result.Message.Should().Contain("after the scenario:")
            .And.Contain("task 'H' is still running")
            .And.Contain("evil peer \"Hung\" did not stop within")
            .And.Contain($"local port {HungTeardownSteps.PeerPort} remote port 0 state LISTEN", "the hung peer's socket is reported, not dropped")
            .And.NotContain("AfterScenario hooks did not finish", "the end kept to its budget, so the bridge never had to abandon it")
            .And.Contain("Replay descriptor: ");
        teardown.Should().BeLessThan(TeardownLimits.ScenarioBudget + Slack, "from the last step to the case's result: the end hook, the hooks after it, the run's end");

        (await Leftovers.UntilNoneAsync(() => Leftovers.SocketsOn(HungTeardownSteps.PeerPort))).Should().BeEmpty("no socket on the hung peer's port once it is released");
        (await Leftovers.UntilNoneAsync(() => HungTeardownSteps.TasksRunning > 0 ? [HungTeardownSteps.TasksRunning] : Array.Empty<int>()))
            .Should().BeEmpty("the hung task's work returned once released");
        (await Leftovers.UntilNoneAsync<int>(() => [.. Leftovers.Descendants().Except(before)])).Should().BeEmpty("no process is left");
    }
}
