using ChaosFeatures.Gherkin.Execution;

namespace ChaosFeatures.Gherkin.Tests.Execution;

public class OutcomeTests
{
    [Binding]
    public class Steps(ScenarioContext scenario, IReqnrollOutputHelper output)
    {
        [StepDefinition("a passing step")]
        public void Pass() => output.WriteLine("pass");

        [Given("a failing step")]
        public void Fail() => throw new InvalidOperationException("boom");

        [Given("a pending step")]
        public void Pending() => throw new PendingStepException();

        [Given("the tool {string} is missing")]
        public void Missing(string tool) => scenario.Skip($"{tool} is not installed");

        [Given("an async step")]
        public async Task Async()
        {
            await Task.Delay(10);
            output.WriteLine("async");
        }

        [StepDefinition("a value task step")]
        public async ValueTask AsyncValue()
        {
            await Task.Yield();
            throw new InvalidOperationException("late boom");
        }
    }

    private static Task<TestCaseResult> Run(ExecutionSettings settings, params object[] steps) =>
        Cases.RunAsync(Cases.Make("outcome", [], steps), settings, typeof(Steps));

    private static Task<TestCaseResult> Run(params object[] steps) => Run(Cases.Settings, steps);

    [Fact]
    public async Task Passes_and_awaits_async_steps()
    {
        var result = await Run("Given a passing step", "And an async step");

        result.Status.Should().Be(TestCaseStatus.Passed);
        result.Output.Should().Equal("pass", "async");
        result.Steps.Select(s => s.Status).Should().Equal(StepStatus.Passed, StepStatus.Passed);
    }

    [Fact]
    public async Task A_failure_names_the_step_and_skips_the_rest()
    {
        var result = await Run("Given a passing step", "When a value task step", "Then a passing step");

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().StartWith("Step failed: When a value task step (line 11)").And.Contain("InvalidOperationException: late boom");
        result.StackTrace.Should().Contain(nameof(Steps.AsyncValue));
        result.Steps.Select(s => s.Status).Should().Equal(StepStatus.Passed, StepStatus.Failed, StepStatus.Skipped);
        result.Output.Should().Equal("pass");
    }

    [Fact]
    public async Task An_undefined_step_fails_with_a_snippet_and_later_undefined_steps_are_listed_too()
    {
        var result = await Run("Given a passing step", "When the peer sends \"hello\" 3 times", "Then nothing else");

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().StartWith("No matching step definition found for the step. Use the following code to create one:")
            .And.Contain("[When(\"the peer sends {string} {int} times\")]")
            .And.Contain("public void WhenThePeerSendsTimes(string p0, int p1)")
            .And.Contain("[Then(\"nothing else\")]")
            .And.Contain("Undefined step: When the peer sends \"hello\" 3 times (line 11)");
        result.Steps.Select(s => s.Status).Should().Equal(StepStatus.Passed, StepStatus.Undefined, StepStatus.Undefined);
        result.Steps[1].Snippet.Should().Contain("WhenThePeerSendsTimes");
    }

    [Fact]
    public async Task StopAtFirstError_does_not_even_match_the_remaining_steps()
    {
        var result = await Run(Cases.Settings with { StopAtFirstError = true }, "Given a failing step", "Then nothing else");

        result.Steps.Select(s => s.Status).Should().Equal(StepStatus.Failed, StepStatus.Skipped);
        result.Message.Should().NotContain("No matching step definition");
    }

    [Fact]
    public async Task A_pending_step_fails_under_the_Error_outcome()
    {
        var result = await Run("Given a pending step", "Then a passing step");

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().Contain("Pending: Given a pending step (line 10)");
        result.Steps.Select(s => s.Status).Should().Equal(StepStatus.Pending, StepStatus.Skipped);
    }

    [Theory]
    [InlineData(MissingOrPendingStepsOutcome.Ignore)]
    [InlineData(MissingOrPendingStepsOutcome.Inconclusive)]
    [InlineData(MissingOrPendingStepsOutcome.Pending)]
    public async Task Lenient_outcomes_skip_with_a_reason_saying_so(MissingOrPendingStepsOutcome outcome)
    {
        var settings = Cases.Settings with { MissingOrPendingStepsOutcome = outcome };

        var pending = await Run(settings, "Given a pending step");
        var undefined = await Run(settings, "Given no such step");

        pending.Status.Should().Be(TestCaseStatus.Skipped);
        pending.SkipReason.Should().Contain($"missingOrPendingStepsOutcome={outcome}").And.Contain("Pending");
        undefined.Status.Should().Be(TestCaseStatus.Skipped);
        undefined.SkipReason.Should().Contain("No matching step definition");
    }

    [Fact]
    public async Task A_run_time_skip_reports_skipped_with_its_reason()
    {
        var result = await Run("Given the tool \"toxiproxy\" is missing", "Then a passing step");

        result.Status.Should().Be(TestCaseStatus.Skipped);
        result.SkipReason.Should().Be("toxiproxy is not installed");
        result.Steps.Select(s => s.Status).Should().Equal(StepStatus.Skipped, StepStatus.Skipped);
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Strict_mode_turns_a_skip_into_a_failure()
    {
        var result = await Run(Cases.Settings with { StrictSkips = true }, "Given the tool \"toxiproxy\" is missing");

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().Be("Skipped in strict mode: toxiproxy is not installed");
    }

    [Fact]
    public async Task An_ignored_case_is_skipped_without_running_anything()
    {
        var result = await Cases.RunAsync(Cases.Make("ignored", [], "Given a failing step") with { IgnoreReason = "@ignore" }, typeof(Steps));

        result.Status.Should().Be(TestCaseStatus.Skipped);
        result.SkipReason.Should().Be("@ignore");
        result.Steps.Single().Status.Should().Be(StepStatus.Skipped);
    }

    [Fact]
    public void Settings_are_validated_where_they_enter()
    {
        var zero = () => new ExecutionSettings { ScenarioTimeout = TimeSpan.Zero };
        var huge = () => new ExecutionSettings { AfterHookTimeout = TimeSpan.FromHours(1) };

        zero.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ScenarioTimeout*");
        huge.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*AfterHookTimeout*");
    }
}
