using Reqnroll;
using FluentAssertions;

namespace ChaosFeatures.Specs.Runner;

[Binding]
public sealed class ArithmeticSteps
{
    private readonly List<int> _numbers = [];
    private int? _result;

    [Given("the number {int}")]
    public void GivenTheNumber(int number) => _numbers.Add(number);

    [When("the numbers are added")]
    public void WhenAdded() => _result = _numbers.Sum();

    [Then("the result is {int}")]
    public void ThenTheResultIs(int expected) => _result.Should().Be(expected);

    [Then("the number is between {int} and {int}")]
    public void ThenBetween(int low, int high) => _numbers.Should().ContainSingle().Which.Should().BeInRange(low, high);
}
