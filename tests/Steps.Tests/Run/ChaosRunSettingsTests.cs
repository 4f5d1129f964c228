using System.Collections;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Steps.Run;
using ChaosFeatures.Steps.Tests.Support;

namespace ChaosFeatures.Steps.Tests.Run;

public sealed class ChaosRunSettingsTests
{
    private static ChaosRunSettings From(params (string Name, string Value)[] variables)
    {
        var environment = new Hashtable();
        foreach (var (name, value) in variables) environment[name] = value;
        return ChaosRunSettings.From(environment, [FixtureRun.Root]);
    }

    [Theory]
    [InlineData("CHAOS_SCHED", "bogus", "CHAOS_SCHED='bogus' is invalid; accepted: fifo | random:SEED | pct:SEED:DEPTH (SEED 0..18446744073709551615, DEPTH >= 1)")]
    [InlineData("CHAOS_SCHED", "pct:1:0", "CHAOS_SCHED='pct:1:0' is invalid; accepted: fifo | random:SEED | pct:SEED:DEPTH (SEED 0..18446744073709551615, DEPTH >= 1)")]
    [InlineData("CHAOS_GEN_SEED", "-3", "CHAOS_GEN_SEED='-3' is invalid; accepted: a non-negative integer")]
    [InlineData("CHAOS_RUN_ID", "../x", "CHAOS_RUN_ID='../x' is invalid; accepted: a file name without path separators")]
    public void A_bad_value_is_one_line_naming_the_variable_and_the_accepted_forms(string variable, string value, string expected)
    {
        var act = () => From((variable, value));

        var message = act.Should().Throw<ChaosConfigurationException>().Which.Message;
        message.Should().StartWith(expected).And.NotContain("\n");
    }

    [Fact]
    public void Defaults_come_from_reqnroll_json_above_the_start_folder()
    {
        var settings = From();

        settings.Seeds.Should().Be(ChaosSeeds.Default);
        settings.SuiteRoot.Should().Be(Path.TrimEndingDirectorySeparator(FixtureRun.Root));
        settings.ResultsFolder.Should().Be(Path.Combine(settings.SuiteRoot, "chaos-results"));
        settings.RunId.Should().BeNull();
    }

    [Fact]
    public void The_environment_wins_over_reqnroll_json()
    {
        var settings = From(("CHAOS_GEN_SEED", "42"), ("CHAOS_SCHED", "pct:7:3"), ("CHAOS_RESULTS_DIR", "/tmp/x"), ("CHAOS_RUN_ID", "nightly"));

        settings.Seeds.Should().Be(new ChaosSeeds(42, new SchedulerSpec(SchedulerKind.Pct, 7, 3)));
        settings.NewLocation().RunDirectory.Should().Be("/tmp/x/nightly");
    }
}
