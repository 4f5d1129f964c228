using System.Diagnostics;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Steps.Tests.Support;
using Xunit.Abstractions;

namespace ChaosFeatures.Steps.Tests.Scenario;

/// <summary>The design's budget: a trivial io scenario (serve 256 B, download, assert) in-process, <= 10 ms median. Asserted generously; printed precisely.</summary>
[Collection(nameof(SerialCollection))]
public sealed class OverheadTests(ITestOutputHelper output)
{
    private const int Runs = 50;

    [Fact]
    public async Task Trivial_io_scenario_median_is_well_under_200_ms()
    {
        var suite = FixtureRun.Suite("io.feature");
        var testCase = suite.TestCases.Single(c => c.ScenarioName == "trivial download");
        await using var run = await FixtureRun.StartAsync(suite);
        (await run.RunAsync(testCase)).Status.Should().Be(CaseStatus.Passed); // warm-up: JIT, BeforeTestRun, log file

        var times = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = await run.RunAsync(testCase);
            times.Add(clock.Elapsed.TotalMilliseconds);
            result.Status.Should().Be(CaseStatus.Passed, result.Message);
        }

        times.Sort();
        var median = times[Runs / 2];
        output.WriteLine($"trivial io scenario: median {median:0.00} ms, min {times[0]:0.00} ms, p90 {times[Runs * 9 / 10]:0.00} ms over {Runs} runs (target <= 10 ms)");
        median.Should().BeLessThan(200);
    }
}
