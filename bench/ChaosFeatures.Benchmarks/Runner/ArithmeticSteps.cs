using Reqnroll;

namespace ChaosFeatures.Benchmarks.Runner;

/// <summary>The trivial 3-step scenario's bindings, and the same work as a plain test would do it.</summary>
[Binding]
public sealed class ArithmeticSteps
{
    private int _number;

    [Given("the number {int}")]
    public void Number(int number) => _number = number;

    [When("it is doubled")]
    public void Doubled() => _number *= 2;

    [Then("it is {int}")]
    public void Is(int expected)
    {
        if (_number != expected) throw new InvalidOperationException($"{_number} is not {expected}");
    }

    /// <summary>What a plain xUnit [Fact] doing the same work runs: the three calls on a fresh instance.</summary>
    public static void AsPlainTest()
    {
        var steps = new ArithmeticSteps();
        steps.Number(21);
        steps.Doubled();
        steps.Is(42);
    }
}
