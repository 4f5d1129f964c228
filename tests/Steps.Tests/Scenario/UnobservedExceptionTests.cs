using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Steps.Tests.Support;

namespace ChaosFeatures.Steps.Tests.Scenario;

/// <summary>
/// A faulted task a scenario drops is reported without each case forcing a garbage collection: on the case itself
/// when it failed anyway (its end collects), else by the run's end, which fails naming the exception. Alone, as the
/// unobserved-exception count is process-wide.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class UnobservedExceptionTests
{
    [Fact]
    public async Task A_passing_case_that_drops_a_faulted_task_fails_the_run_at_its_end()
    {
        var suite = FixtureRun.Suite("unobserved.feature");
        var run = await FixtureRun.StartAsync(suite);
        CaseResult result;
        try
        {
            result = await run.RunAsync(suite.TestCases.Single(c => c.ScenarioName == "a passing case drops a faulted task"));
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
        result.Status.Should().Be(CaseStatus.Passed, "its end forced no collection: {0}", result.Message);
        var ending = () => run.DisposeAsync().AsTask();
        (await ending.Should().ThrowAsync<Exception>())
            .WithMessage("*1 unobserved task exception(s), most recent: InvalidOperationException: planted and dropped*");
    }

    [Fact]
    public async Task A_failing_case_that_drops_a_faulted_task_reports_it_itself()
    {
        var result = await FixtureRun.RunAsync("unobserved.feature", "a failing case drops a faulted task");
        result.Status.Should().Be(CaseStatus.Failed);
        result.Message.Should().Contain("unobserved task exception(s), most recent: InvalidOperationException: planted and dropped");
    }
}
