using System.Diagnostics;
using ChaosFeatures.Gherkin.Execution;

namespace ChaosFeatures.Gherkin.Tests.Execution;

public sealed class WatchdogTests : IDisposable
{
    // Released in Dispose so the abandoned step thread ends with the test instead of leaking;
    // reset per test (xUnit runs one class's tests one after another).
    private static readonly ManualResetEventSlim Release = new(false);

    public WatchdogTests() => Release.Reset();

    [Binding]
    public class Steps(ScenarioContext scenario, IReqnrollOutputHelper output)
    {
        [Given("a step that blocks forever")]
        public void Block()
        {
            Release.Wait(); // stands in for Thread.Sleep(Timeout.Infinite): ignores cancellation
            output.WriteLine("released"); // must never reach the result
        }

        [Given("a step that waits for cancellation")]
        public Task WaitForCancellation() => Task.Delay(Timeout.Infinite, scenario.ScenarioCancellationToken);

        [AfterScenario]
        public void After() => output.WriteLine($"after hook ran, cancelled={scenario.ScenarioCancellationToken.IsCancellationRequested}, " +
            $"step '{scenario.StepContext?.StepInfo.Text}' {scenario.StepContext?.Status}");
    }

    public void Dispose() => Release.Set();

    [Theory]
    [InlineData("Given a step that blocks forever")]
    [InlineData("Given a step that waits for cancellation")]
    public async Task A_hung_step_is_cut_at_the_timeout_and_after_hooks_still_run(string hungStep)
    {
        var settings = Cases.Settings with { ScenarioTimeout = TimeSpan.FromSeconds(1), AfterHookTimeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();

        var result = await Cases.RunAsync(Cases.Make("hang", [], hungStep, "Then more"), settings, typeof(Steps));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().StartWith($"Scenario timed out after 1 s in step '{hungStep}' (line 10).");
        result.Output.Should().Equal($"after hook ran, cancelled=True, step '{hungStep["Given ".Length..]}' TestError");
        result.Steps.Where(s => s.Step is not null).Select(s => s.Status).Should().Equal(StepStatus.Failed, StepStatus.Skipped);
    }

    [Fact]
    public async Task Caller_cancellation_cuts_the_scenario_too()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await using var run = new TestRun(Cases.Settings, [typeof(Steps)]);

        var result = await run.RunAsync(Cases.Make("cancel", [], "Given a step that blocks forever"), cancel.Token);

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().StartWith("Scenario cancelled by the caller in step 'Given a step that blocks forever'");
    }
}
