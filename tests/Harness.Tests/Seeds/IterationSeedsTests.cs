using ChaosFeatures.Harness.Seeds;

namespace ChaosFeatures.Harness.Tests.Seeds;

public class IterationSeedsTests
{
    [Fact]
    public void Iteration_zero_is_the_run_itself()
    {
        var seeds = ChaosSeeds.Parse("7", "random:42");

        seeds.ForIteration(0).Should().Be(seeds);
    }

    [Fact]
    public void Later_iterations_derive_new_generation_and_scheduler_seeds_repeatably()
    {
        var seeds = ChaosSeeds.Parse("7", "pct:42:3");

        var second = seeds.ForIteration(1);
        var third = seeds.ForIteration(2);

        second.Should().Be(seeds.ForIteration(1));
        new[] { seeds.GenSeed, second.GenSeed, third.GenSeed }.Should().OnlyHaveUniqueItems();
        new[] { seeds.Scheduler.Seed, second.Scheduler.Seed, third.Scheduler.Seed }.Should().OnlyHaveUniqueItems();
        second.Scheduler.Kind.Should().Be(SchedulerKind.Pct);
        second.Scheduler.Depth.Should().Be(3);
    }

    [Fact]
    public void Fifo_stays_fifo_while_the_generation_seed_moves()
    {
        var second = ChaosSeeds.Parse("1", "fifo").ForIteration(1);

        second.Scheduler.Should().Be(SchedulerSpec.Fifo);
        second.GenSeed.Should().NotBe(1UL);
    }

    [Fact]
    public void A_negative_iteration_is_refused()
    {
        var act = () => ChaosSeeds.Default.ForIteration(-1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
