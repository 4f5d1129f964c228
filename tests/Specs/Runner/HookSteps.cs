using Reqnroll;
using FluentAssertions;

namespace ChaosFeatures.Specs.Runner;

/// <summary>Hooks that leave a trace, and the steps that read it back.</summary>
[Binding]
public sealed class HookSteps(ScenarioContext scenario)
{
    private static int _testRunHooks;
    private static int _featureHooks;
    private readonly List<string> _trace = [];

    [BeforeTestRun]
    public static void CountTestRun() => Interlocked.Increment(ref _testRunHooks);

    [BeforeFeature("hooks")]
    public static void CountFeature() => Interlocked.Increment(ref _featureHooks);

    [BeforeScenario("hooks", Order = 10)]
    public void EarlyHook() => _trace.Add("before-scenario:10");

    [BeforeScenario("traced")]
    public void TracedHook() => _trace.Add("before-scenario:traced");

    [BeforeStep("hooks")]
    public void BeforeStep() => _trace.Add("before-step");

    [AfterStep("hooks")]
    public void AfterStep() => _trace.Add("after-step");

    [Given("a step runs")]
    public void GivenAStepRuns() => scenario.ScenarioInfo.Title.Should().NotBeEmpty();

    [Then("the scenario hooks so far were {string}")]
    public void ThenHooksWere(string expected) => string.Join(", ", _trace).Should().Be(expected);

    [Then("the test-run and feature hooks ran once before it")]
    public void ThenRunHooksRanOnce()
    {
        _testRunHooks.Should().Be(1);
        _featureHooks.Should().Be(1);
    }
}
