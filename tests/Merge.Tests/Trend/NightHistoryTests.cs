using ChaosFeatures.Gherkin.Reporting.Standalone;
using ChaosFeatures.Gherkin.Sharding;
using ChaosFeatures.Merge.Jobs;
using ChaosFeatures.Merge.Trend;

namespace ChaosFeatures.Merge.Tests.Trend;

public sealed class NightHistoryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 2, 17, 0, TimeSpan.Zero);

    [Fact]
    public void A_case_that_fails_under_one_scheduler_and_passes_under_another_is_flaky()
    {
        var tonight = NightHistory.Tonight(Monday, [
            (Job(1, "fifo"), Case("features/a.feature:3:o1", passed: 3, failed: 0)),
            (Job(1, "random:11"), Case("features/a.feature:3:o1", passed: 1, failed: 1)),
        ]);

        tonight.Scenarios["features/a.feature:3"].Should().Be(new ScenarioNight("a", 4, 1, Flaky: true));
        tonight.Scenarios["features/a.feature:3"].Status.Should().Be("flaky");
    }

    [Fact]
    public void The_same_case_id_under_another_generation_seed_is_another_pickle_not_a_retry()
    {
        var tonight = NightHistory.Tonight(Monday, [
            (Job(1, "fifo"), Case("features/a.feature:3:o1", passed: 1, failed: 0)),
            (Job(7, "fifo"), Case("features/a.feature:3:o1", passed: 0, failed: 1)),
        ]);

        tonight.Scenarios["features/a.feature:3"].Should().Be(new ScenarioNight("a", 1, 1, Flaky: false));
        tonight.Scenarios["features/a.feature:3"].Status.Should().Be("failed");
    }

    [Fact]
    public void Newly_failed_is_failing_tonight_after_a_night_without_failures_and_the_pass_rate_spans_the_window()
    {
        var previous = new[]
        {
            Night(Monday.AddDays(-3), ("features/a.feature:3", new ScenarioNight("a", 10, 0, false))),
            Night(Monday.AddDays(-2), ("features/a.feature:3", new ScenarioNight("a", 8, 2, false)), ("features/b.feature:5", new ScenarioNight("b", 10, 0, false))),
            Night(Monday.AddDays(-1), ("features/a.feature:3", new ScenarioNight("a", 10, 0, false))),
        };
        var tonight = Night(Monday, ("features/a.feature:3", new ScenarioNight("a", 5, 5, true)), ("features/b.feature:5", new ScenarioNight("b", 4, 0, false)));

        var window = NightHistory.Window(previous, tonight, 3);
        var trend = NightHistory.Trend(window).ToDictionary(t => t.Scenario);

        window.Select(n => n.Started).Should().Equal(Monday.AddDays(-2), Monday.AddDays(-1), Monday);
        trend["features/a.feature:3"].Should().BeEquivalentTo(new ScenarioTrend("features/a.feature:3", "a", 23 / 30.0, ["failed", "passed", "flaky"], true, true, true));
        trend["features/b.feature:5"].Should().BeEquivalentTo(new ScenarioTrend("features/b.feature:5", "b", 1, ["passed", "absent", "passed"], false, false, false));
    }

    [Fact]
    public void Merging_the_same_night_again_replaces_it_rather_than_counting_it_twice()
    {
        var tonight = Night(Monday, ("features/a.feature:3", new ScenarioNight("a", 1, 0, false)));

        NightHistory.Window([tonight], tonight, 7).Should().ContainSingle();
    }

    private static JobManifest Job(ulong gen, string scheduler) => new(Shard.Parse("1/1"), gen, scheduler, 3, "run", 0);

    private static IReadOnlyList<ReportedCase> Case(string id, int passed, int failed) =>
    [
        new(id, "features/a.feature", 3, "a", "A: a", failed > 0 ? "failed" : "passed", passed + failed, passed, failed, TimeSpan.Zero, null),
    ];

    private static NightRecord Night(DateTimeOffset started, params (string Key, ScenarioNight Night)[] scenarios) =>
        new(started, scenarios.ToDictionary(s => s.Key, s => s.Night));
}
