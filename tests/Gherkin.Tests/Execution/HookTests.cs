using System.Collections.Concurrent;
using ChaosFeatures.Gherkin.Execution;

namespace ChaosFeatures.Gherkin.Tests.Execution;

public class HookTests
{
    private static readonly ConcurrentQueue<string> RunLog = new();

    [Binding]
    public class Hooks(IReqnrollOutputHelper output, ScenarioContext scenario)
    {
        [BeforeTestRun]
        public static void BeforeRun() => RunLog.Enqueue("before-run");

        [AfterTestRun]
        public static void AfterRun() => RunLog.Enqueue("after-run");

        [BeforeFeature]
        public static void BeforeFeature(FeatureContext feature) => RunLog.Enqueue($"before-feature {feature.FeatureInfo.Title}");

        [AfterFeature]
        public static void AfterFeature() => RunLog.Enqueue("after-feature");

        [BeforeScenario(Order = 20)]
        public void Second() => output.WriteLine("before 20");

        [BeforeScenario(Order = 1)]
        public void First() => output.WriteLine("before 1");

        [BeforeScenario("io", "@tls")]
        public void Tagged() => output.WriteLine("before tagged");

        [BeforeScenario("fail-before")]
        public void FailingBefore() => throw new InvalidOperationException("setup broke");

        [BeforeStep]
        public void BeforeStep() => output.WriteLine("before step");

        [AfterStep]
        public void AfterStep() => output.WriteLine($"after step {scenario.ScenarioExecutionStatus}");

        [AfterScenario(Order = 1)]
        public void AfterFirst() => output.WriteLine($"after 1 {scenario.ScenarioExecutionStatus}");

        [AfterScenario(Order = 2)]
        public void AfterSecond()
        {
            output.WriteLine("after 2");
            scenario.AddFailureDetail("timeline: peer sent RST");
        }

        [AfterScenario("fail-after")]
        public void FailingAfter() => throw new InvalidOperationException("cleanup broke");
    }

    [Binding]
    public class Steps
    {
        [StepDefinition("a step")]
        public void Step()
        {
        }

        [StepDefinition("a failing step")]
        public void Fail() => throw new InvalidOperationException("boom");
    }

    private static Task<TestCaseResult> Run(string[] tags, params object[] steps) =>
        Cases.RunAsync(Cases.Make("hooks", tags, steps), typeof(Hooks), typeof(Steps));

    [Fact]
    public async Task Scenario_and_step_hooks_run_by_order_and_tags()
    {
        var result = await Run(["tls"], "Given a step");

        result.Status.Should().Be(TestCaseStatus.Passed, result.Message);
        result.Output.Should().Equal("before 1", "before 20", "before tagged", "before step", "after step OK", "after 1 OK", "after 2");
        result.Steps.Select(s => s.Hook?.MethodName.Split('.')[^1] ?? s.Step!.Text)
            .Should().Equal("First", "Second", "Tagged", "a step", "AfterFirst", "AfterSecond");
    }

    [Fact]
    public async Task After_hooks_run_after_a_failure_and_failure_details_join_the_message()
    {
        var result = await Run([], "Given a failing step", "Then a step");

        result.Output.Should().Equal("before 1", "before 20", "before step", "after step TestError", "after 1 TestError", "after 2");
        result.Message.Should().StartWith("Step failed: Given a failing step (line 10)").And.EndWith("timeline: peer sent RST");
    }

    [Fact]
    public async Task A_failing_before_hook_skips_the_steps_but_not_the_after_hooks()
    {
        var result = await Run(["fail-before"], "Given a step");

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().Contain("FailingBefore").And.Contain("setup broke");
        result.Output.Should().Equal("before 1", "before 20", "after 1 TestError", "after 2");
        result.Steps.Single(s => s.Step is not null).Status.Should().Be(StepStatus.Skipped);
    }

    [Fact]
    public async Task A_failing_after_hook_fails_a_passing_case()
    {
        var result = await Run(["fail-after"], "Given a step");

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().Contain("FailingAfter").And.Contain("cleanup broke");
    }

    [Fact]
    public async Task Run_and_feature_hooks_run_once_lazily_and_on_finish()
    {
        RunLog.Clear();
        var run = new TestRun(Cases.Settings, [typeof(Hooks), typeof(Steps)]);
        RunLog.Should().BeEmpty();

        await run.RunAsync(Cases.Make("a", [], "Given a step"));
        await run.RunAsync(Cases.Make("b", [], "Given a step"));
        await run.FinishFeatureAsync(Cases.Feature);
        await run.DisposeAsync();

        RunLog.Should().Equal("before-run", "before-feature Sample", "after-feature", "after-run");
    }
}
