using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Tests.Execution;

namespace ChaosFeatures.Gherkin.Tests.Bindings;

public class BindingDiscoveryTests
{
    public sealed class Unconvertible;

    /// <summary>Deliberately broken bindings: each misuse must be reported, none may throw.</summary>
    [Binding]
    public class BrokenSteps
    {
        [Given("async void step")]
        public async void AsyncVoid() => await Task.Yield();

        [Given("^bad (regex$")]
        public void BadRegex()
        {
        }

        [Given("bad {nope} cucumber")]
        public void BadCucumber(int nope) => _ = nope;

        [Given("needs {}")]
        public void NeedsUnknown(Unconvertible value) => _ = value;

        [Given("counts {int}")]
        public void CountMismatch(int a, int b, int c) => _ = a + b + c;

        [BeforeTestRun]
        public void NonStaticRunHook()
        {
        }
    }

    [Binding]
    public class GoodSteps
    {
        [Given("a good step")]
        [When("a good step")]
        public void Good()
        {
        }

        [BeforeScenario("@io", Order = 5)]
        public void Hook()
        {
        }
    }

    [Fact]
    public async Task Misuse_is_collected_and_fails_every_case_with_the_list()
    {
        await using var run = new TestRun(Cases.Settings, [typeof(BrokenSteps), typeof(GoodSteps)]);

        run.BindingErrors.Should().HaveCount(6);
        run.BindingErrors.Should().Contain(e => e.Contains("AsyncVoid") && e.Contains("async void"));
        run.BindingErrors.Should().Contain(e => e.Contains("BadRegex"));
        run.BindingErrors.Should().Contain(e => e.Contains("BadCucumber") && e.Contains("{nope}"));
        run.BindingErrors.Should().Contain(e => e.Contains("NeedsUnknown") && e.Contains("Unconvertible"));
        run.BindingErrors.Should().Contain(e => e.Contains("CountMismatch") && e.Contains("3 parameters"));
        run.BindingErrors.Should().Contain(e => e.Contains("NonStaticRunHook") && e.Contains("static"));

        var result = await run.RunAsync(Cases.Make("good", [], "Given a good step"));

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().StartWith("Binding errors").And.Contain("AsyncVoid").And.Contain("NonStaticRunHook");
        result.Steps.Should().ContainSingle().Which.Status.Should().Be(StepStatus.Skipped);
    }

    [Fact]
    public async Task Exposes_step_definitions_and_hooks_with_stable_ids_for_reporters()
    {
        await using var run = new TestRun(Cases.Settings, [typeof(GoodSteps)]);

        run.StepDefinitions.Select(s => s.Id).Should().Equal(
            "ChaosFeatures.Gherkin.Tests.Bindings.BindingDiscoveryTests+GoodSteps.Good()#0",
            "ChaosFeatures.Gherkin.Tests.Bindings.BindingDiscoveryTests+GoodSteps.Good()#1");
        run.StepDefinitions[0].ExpressionType.Should().Be(ExpressionType.CucumberExpression);
        run.Hooks.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            HookType = ChaosFeatures.Gherkin.Bindings.HookType.BeforeScenario,
            Tags = new[] { "io" },
            Order = 5,
        });
    }

    [Fact]
    public async Task Discovers_every_binding_class_of_an_assembly()
    {
        await using var run = new TestRun(Cases.Settings, [typeof(BindingDiscoveryTests).Assembly]);

        run.StepDefinitions.Should().Contain(s => s.MethodName.EndsWith("GoodSteps.Good", StringComparison.Ordinal));
        run.BindingErrors.Should().Contain(e => e.Contains("BrokenSteps.AsyncVoid"));
    }
}
