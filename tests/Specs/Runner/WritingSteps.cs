using Reqnroll;
using FluentAssertions;

namespace ChaosFeatures.Specs.Runner;

[Binding]
public sealed class WritingSteps(SharedState state)
{
    [Given("the shared context holds {string}")]
    public void GivenSharedHolds(string value) => state.Value = value;
}
