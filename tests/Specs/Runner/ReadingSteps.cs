using Reqnroll;
using FluentAssertions;

namespace ChaosFeatures.Specs.Runner;

[Binding]
public sealed class ReadingSteps(SharedState state)
{
    [Then("another binding class reads {string} from the shared context")]
    public void ThenReads(string value) => state.Value.Should().Be(value);
}
