using ChaosFeatures.Gherkin.Execution;

namespace ChaosFeatures.Gherkin.Tests.Execution;

/// <summary>ScenarioContext.StepContext, as Reqnroll has it: hooks can tell which step ran and how it went.</summary>
public class StepContextTests
{
    [Binding]
    public class Hooks(IReqnrollOutputHelper output, ScenarioContext scenario)
    {
        [BeforeScenario("fail-before")]
        public void FailingBefore() => throw new InvalidOperationException("setup broke");

        [AfterStep]
        public void AfterStep() => output.WriteLine($"after step: {Describe(scenario.StepContext)}");

        [AfterScenario]
        public void AfterScenario() => output.WriteLine($"after scenario: {Describe(scenario.StepContext)}");

        private static string Describe(ScenarioStepContext? step) => step is null
            ? "no step"
            : $"{step.StepInfo.StepDefinitionType} '{step.StepInfo.Text}' line {step.StepInfo.Step.Line} {step.Status}";
    }

    [Binding]
    public class Steps(IReqnrollOutputHelper output, ScenarioContext scenario)
    {
        [StepDefinition("a step")]
        public void Step()
        {
        }

        [StepDefinition("a step that looks at itself")]
        public void LooksAtItself(DataTable table) =>
            output.WriteLine($"inside: '{scenario.StepContext!.StepInfo.Text}' {scenario.StepContext.Status}, table rows {table.Rows.Count}, same table rows {scenario.StepContext.StepInfo.Table!.Rows.Count}");

        [StepDefinition("a failing step")]
        public void Fail() => throw new InvalidOperationException("boom");

        [StepDefinition("a pending step")]
        public void Pending() => throw new PendingStepException();
    }

    private static Task<TestCaseResult> Run(string[] tags, params object[] steps) =>
        Cases.RunAsync(Cases.Make("step context", tags, steps), typeof(Hooks), typeof(Steps));

    [Fact]
    public async Task A_step_and_its_AfterStep_hooks_see_the_running_step()
    {
        var result = await Run([], Cases.WithTable("Given a step that looks at itself", ["a"], ["1"], ["2"]), "And a step");

        result.Status.Should().Be(TestCaseStatus.Passed, result.Message);
        result.Output.Should().Equal(
            "inside: 'a step that looks at itself' OK, table rows 2, same table rows 2",
            "after step: Given 'a step that looks at itself' line 10 OK",
            "after step: Given 'a step' line 11 OK",
            "after scenario: Given 'a step' line 11 OK");
    }

    [Fact]
    public async Task After_a_failure_AfterScenario_sees_the_step_that_failed_not_the_skipped_ones()
    {
        var result = await Run([], "Given a step", "When a failing step", "Then a step");

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Output.Should().Equal(
            "after step: Given 'a step' line 10 OK",
            "after step: When 'a failing step' line 11 TestError",
            "after scenario: When 'a failing step' line 11 TestError");
    }

    [Theory]
    [InlineData("When a pending step", "after scenario: When 'a pending step' line 11 StepDefinitionPending")]
    [InlineData("When nothing binds this", "after scenario: When 'nothing binds this' line 11 UndefinedStep")]
    public async Task Pending_and_undefined_steps_are_the_step_context_at_the_end(string step, string expected)
    {
        var result = await Run([], "Given a step", step, "Then a step");

        result.Output.Should().EndWith(expected);
    }

    [Fact]
    public async Task A_failed_BeforeScenario_hook_leaves_no_step_context()
    {
        var result = await Run(["fail-before"], "Given a step");

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Output.Should().Equal("after scenario: no step");
    }
}
