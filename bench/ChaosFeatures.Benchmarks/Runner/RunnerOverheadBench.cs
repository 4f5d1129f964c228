using System.Diagnostics;

namespace ChaosFeatures.Benchmarks.Runner;

/// <summary>
/// What the bridge and Reqnroll cost per scenario: a trivial 3-step scenario (no chaos, no I/O) run through
/// the driver, without formatters and with Reqnroll's message and html formatters on, beside the same
/// three calls made as a plain [Fact] would make them.
/// </summary>
internal static class RunnerOverheadBench
{
    private const string Feature = "Feature: Overhead\n  Scenario: trivial\n    Given the number 21\n    When it is doubled\n    Then it is 42\n";

    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        var plain = PlainTest(settings.OverheadRuns);
        var bare = await MeasureAsync(null, settings);
        var withFormatters = await MeasureAsync("""{ "message": {}, "html": {} }""", settings);
        double p50 = Percentile(bare, 50), f50 = Percentile(withFormatters, 50);
        return
        [
            new("runner overhead, trivial 3-step scenario, median (no formatters)", $"{plain * 1000:F2} µs plain [Fact]",
                $"{p50 * 1000:F0} µs (p90 {Percentile(bare, 90) * 1000:F0})", $"+{(p50 - plain) * 1000:F0} µs", "<= 100 µs", p50 * 1000 <= 100),
            new("runner overhead, same, with message + html formatters", $"{p50 * 1000:F0} µs no formatters",
                $"{f50 * 1000:F0} µs (p90 {Percentile(withFormatters, 90) * 1000:F0})", $"{f50 / p50:F1}x", "-", null),
        ];
    }

    /// <returns>Milliseconds per case, after a warm-up.</returns>
    private static async Task<List<double>> MeasureAsync(string? formatters, BenchSettings settings)
    {
        // Reqnroll and the bridge alone: the step library's hooks are the io scenario row's business.
        await using var suite = await BenchSuite.StartAsync(Feature, formatters, stepLibrary: false);
        for (var i = 0; i < settings.OverheadRuns / 10; i++)
            await suite.RunOnceAsync();
        var times = new List<double>(settings.OverheadRuns);
        for (var i = 0; i < settings.OverheadRuns; i++)
            times.Add(await suite.RunOnceAsync());
        return times;
    }

    /// <returns>Median milliseconds of the plain calls.</returns>
    private static double PlainTest(int runs)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs + runs / 10; i++)
        {
            var start = Stopwatch.GetTimestamp();
            ArithmeticSteps.AsPlainTest();
            if (i >= runs / 10) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return Percentile(times, 50);
    }

    private static double Percentile(List<double> values, int percent) => RoundTripBench.Percentile(values, percent);
}
