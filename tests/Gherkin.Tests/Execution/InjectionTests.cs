using System.Collections.Concurrent;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Tests.Execution;

public class InjectionTests
{
    private static readonly ConcurrentQueue<string> Disposed = new();

    public sealed class Counter : IDisposable
    {
        public int Value { get; set; }

        public void Dispose() => Disposed.Enqueue($"counter {Value}");
    }

    public sealed class Driver(Counter counter, ScenarioContext scenario, TestCase testCase) : IAsyncDisposable
    {
        public Counter Counter { get; } = counter;

        public string Describe() => $"{scenario.ScenarioInfo.Title}/{testCase.ScenarioLine}";

        public ValueTask DisposeAsync()
        {
            Disposed.Enqueue("driver");
            return ValueTask.CompletedTask;
        }
    }

    public sealed class Chicken(Egg egg)
    {
        public Egg Egg { get; } = egg;
    }

    public sealed class Egg(Chicken chicken)
    {
        public Chicken Chicken { get; } = chicken;
    }

    [Binding]
    public class GivenSteps(Driver driver, Counter counter, IReqnrollOutputHelper output)
    {
        [Given("I count")]
        public void Count() => output.WriteLine($"given {++counter.Value} same={ReferenceEquals(driver.Counter, counter)}");
    }

    [Binding]
    public class ThenSteps(Counter counter, Driver driver, FeatureContext feature, IReqnrollOutputHelper output)
    {
        [Then("I count again")]
        public void CountAgain() => output.WriteLine($"then {++counter.Value} {driver.Describe()} {feature.FeatureInfo.FolderPath}");
    }

    [Binding]
    public class CyclicSteps(Chicken chicken)
    {
        [Then("the chicken lays")]
        public void Lay() => _ = chicken;
    }

    [Fact]
    public async Task Instances_are_shared_within_a_scenario_new_per_scenario_and_disposed_newest_first()
    {
        Disposed.Clear();
        await using var run = new TestRun(Cases.Settings, [typeof(GivenSteps), typeof(ThenSteps)]);
        var testCase = Cases.Make("di", [], "Given I count", "Then I count again");

        var first = await run.RunAsync(testCase);
        var second = await run.RunAsync(testCase);

        first.Output.Should().Equal("given 1 same=True", "then 2 di/3 features/runner");
        second.Output.Should().Equal("given 1 same=True", "then 2 di/3 features/runner");
        Disposed.Should().Equal("driver", "counter 2", "driver", "counter 2");
    }

    [Fact]
    public async Task A_dependency_cycle_fails_the_step_with_the_chain()
    {
        var result = await Cases.RunAsync(Cases.Make("cycle", [], "Then the chicken lays"), typeof(CyclicSteps));

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().Contain("Circular dependency: CyclicSteps -> Chicken -> Egg -> Chicken");
    }

    [Fact]
    public async Task ScenarioContext_carries_data_between_bindings()
    {
        var result = await Cases.RunAsync(Cases.Make("ctx", ["io"], "Given I store", "Then I read"), typeof(ContextSteps));

        result.Status.Should().Be(TestCaseStatus.Passed, result.Message);
        result.Output.Should().Equal("42 peer io ctx");
    }

    [Binding]
    public class ContextSteps(ScenarioContext scenario, IReqnrollOutputHelper output)
    {
        [Given("I store")]
        public void Store()
        {
            scenario.Set(42);
            scenario["peer"] = "peer";
        }

        [Then("I read")]
        public void Read() => output.WriteLine(
            $"{scenario.Get<int>()} {scenario.Get<string>("peer")} {string.Join(",", scenario.ScenarioInfo.CombinedTags)} {scenario.ScenarioInfo.Title}");
    }
}
