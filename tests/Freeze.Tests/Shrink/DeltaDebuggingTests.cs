using ChaosFeatures.Freeze.Shrink;

namespace ChaosFeatures.Freeze.Tests.Shrink;

public class DeltaDebuggingTests
{
    [Fact]
    public async Task Finds_the_one_item_that_matters()
    {
        var runs = 0;
        var minimal = await DeltaDebugging.MinimizeAsync([0, 1, 2, 3, 4, 5, 6, 7], kept =>
        {
            runs++;
            return Task.FromResult(kept.Contains(5));
        });

        minimal.Should().Equal(5);
        runs.Should().BeLessThan(20);
    }

    [Fact]
    public async Task Keeps_a_pair_that_only_fails_together()
    {
        var minimal = await DeltaDebugging.MinimizeAsync([0, 1, 2, 3, 4, 5], kept => Task.FromResult(kept.Contains(1) && kept.Contains(4)));

        minimal.Should().Equal(1, 4);
    }

    [Fact]
    public async Task A_failure_that_needs_no_item_shrinks_to_none()
    {
        var minimal = await DeltaDebugging.MinimizeAsync([0, 1, 2], _ => Task.FromResult(true));

        minimal.Should().BeEmpty();
    }
}
