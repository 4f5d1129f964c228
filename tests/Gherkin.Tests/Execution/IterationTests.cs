using ChaosFeatures.Gherkin.Execution;

namespace ChaosFeatures.Gherkin.Tests.Execution;

public class IterationTests
{
    [Binding]
    public sealed class IterationSteps(ScenarioContext scenario)
    {
        [Then("the iteration is {int}")]
        public void ThenIteration(int expected) => scenario.ScenarioInfo.Iteration.Should().Be(expected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_run_tells_the_scenario_which_iteration_it_is(int iteration)
    {
        await using var run = new TestRun(Cases.Settings, [typeof(IterationSteps)]);

        var result = await run.RunAsync(Cases.Make("iteration", [], $"Then the iteration is {iteration}"), iteration);

        result.Status.Should().Be(TestCaseStatus.Passed, result.Message);
    }

    [Fact]
    public async Task A_single_run_is_iteration_zero()
    {
        var result = await Cases.RunAsync(Cases.Make("single", [], "Then the iteration is 0"), typeof(IterationSteps));

        result.Status.Should().Be(TestCaseStatus.Passed, result.Message);
    }

    [Fact]
    public async Task A_negative_iteration_is_refused()
    {
        await using var run = new TestRun(Cases.Settings, [typeof(IterationSteps)]);

        var act = () => run.RunAsync(Cases.Make("negative", [], "Then the iteration is 0"), -1);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }
}
