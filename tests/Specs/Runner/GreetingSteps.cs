using Reqnroll;
using FluentAssertions;

namespace ChaosFeatures.Specs.Runner;

[Binding]
public sealed class GreetingSteps
{
    [Then("the greeting comes from the {string} definition")]
    public void Unscoped(string expected) => expected.Should().Be("unscoped");

    [Then("the greeting comes from the {string} definition")]
    [Scope(Tag = "scoped")]
    public void Scoped(string expected) => expected.Should().Be("scoped");
}
