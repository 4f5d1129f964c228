using ChaosFeatures.Harness.Seeds;

namespace ChaosFeatures.Harness.Tests.Seeds;

public sealed class ChaosSeedsTests
{
    [Fact]
    public void Unset_variables_mean_gen_1_and_fifo()
    {
        ChaosSeeds.Parse(null, null).Should().Be(new ChaosSeeds(1, SchedulerSpec.Fifo));
        ChaosSeeds.Parse("", "").Should().Be(ChaosSeeds.Default);
    }

    [Theory]
    [InlineData("fifo", SchedulerKind.Fifo, 0UL, 0)]
    [InlineData("random:42", SchedulerKind.Random, 42UL, 0)]
    [InlineData("pct:7:3", SchedulerKind.Pct, 7UL, 3)]
    public void Scheduler_forms_parse_and_print_back(string text, SchedulerKind kind, ulong seed, int depth)
    {
        var spec = SchedulerSpec.Parse(text);
        spec.Should().Be(new SchedulerSpec(kind, seed, depth));
        spec.ToString().Should().Be(text);
    }

    [Fact]
    public void Bogus_scheduler_is_one_line_naming_variable_value_and_forms()
    {
        var act = () => ChaosSeeds.Parse("1", "bogus");
        act.Should().Throw<ChaosConfigurationException>()
            .Which.Message.Should().Be("CHAOS_SCHED='bogus' is invalid; accepted: fifo | random:SEED | pct:SEED:DEPTH (SEED 0..18446744073709551615, DEPTH >= 1)");
    }

    [Theory]
    [InlineData("pct:1:0")]
    [InlineData("pct:1")]
    [InlineData("random:-1")]
    [InlineData("random:")]
    [InlineData("FIFO")]
    [InlineData("random:1:2")]
    [InlineData("random:18446744073709551616")]
    public void Malformed_scheduler_forms_are_rejected(string text) =>
        FluentActions.Invoking(() => SchedulerSpec.Parse(text)).Should().Throw<ChaosConfigurationException>()
            .Which.Message.Should().StartWith($"CHAOS_SCHED='{text}' is invalid").And.NotContain("\n");

    [Theory]
    [InlineData("-3")]
    [InlineData("1.5")]
    [InlineData(" 1")]
    [InlineData("abc")]
    public void Bad_generation_seed_names_the_variable(string text) =>
        FluentActions.Invoking(() => ChaosSeeds.Parse(text, null)).Should().Throw<ChaosConfigurationException>()
            .Which.Message.Should().Be($"CHAOS_GEN_SEED='{text}' is invalid; accepted: {ChaosSeeds.GenSeedAccepted}");

    [Fact]
    public void Seeds_past_2_pow_63_parse_in_both_variables()
    {
        var seeds = ChaosSeeds.Parse("18446744073709551615", "random:9223372036854775808");

        seeds.Should().Be(new ChaosSeeds(ulong.MaxValue, new SchedulerSpec(SchedulerKind.Random, 9223372036854775808UL, 0)));
        seeds.Scheduler.ToString().Should().Be("random:9223372036854775808");
    }

    [Fact]
    public void Derived_seeds_are_stable_and_differ_per_case_and_purpose()
    {
        var run = new ChaosSeeds(5, SchedulerSpec.Parse("random:9"));
        var a = run.For("features/io/x.feature:12");
        a.Should().Be(new ChaosSeeds(5, SchedulerSpec.Parse("random:9")).For("features/io/x.feature:12"));
        var b = run.For("features/io/x.feature:13");
        new[] { a.PayloadSeed, a.SchedulerSeed, a.ToxicSeed, b.PayloadSeed, b.SchedulerSeed, b.ToxicSeed }.Should().OnlyHaveUniqueItems();
        (run with { GenSeed = 6 }).For(a.TestCaseId).PayloadSeed.Should().NotBe(a.PayloadSeed);
        (run with { GenSeed = 6 }).For(a.TestCaseId).SchedulerSeed.Should().Be(a.SchedulerSeed, "the scheduler seed follows CHAOS_SCHED only");
    }
}
