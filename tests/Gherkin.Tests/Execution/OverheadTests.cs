using System.Diagnostics;
using ChaosFeatures.Gherkin.Execution;
using Xunit.Abstractions;

namespace ChaosFeatures.Gherkin.Tests.Execution;

public class OverheadTests(ITestOutputHelper output)
{
    [Binding]
    public class Steps
    {
        private int _bytes;

        [Given("a peer that serves {int} bytes")]
        public void Serve(int bytes) => _bytes = bytes;

        [When("the client downloads")]
        public void Download() => _bytes--;

        [Then("the client got {int} bytes")]
        public void Got(int bytes) => _ = bytes == _bytes + 1 ? 0 : throw new InvalidOperationException("mismatch");
    }

    [Fact]
    public async Task A_trivial_three_step_scenario_costs_well_under_five_ms()
    {
        await using var run = new TestRun(Cases.Settings, [typeof(Steps)]);
        var testCase = Cases.Make("overhead", [], "Given a peer that serves 256 bytes", "When the client downloads", "Then the client got 256 bytes");
        for (var i = 0; i < 200; i++)
            (await run.RunAsync(testCase)).Status.Should().Be(TestCaseStatus.Passed);

        var samples = new double[2000];
        for (var i = 0; i < samples.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run.RunAsync(testCase);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Array.Sort(samples);
        var median = samples[samples.Length / 2];
        output.WriteLine($"per-scenario overhead over {samples.Length} runs: median {median:0} us, p90 {samples[samples.Length * 9 / 10]:0} us, max {samples[^1]:0} us");
        median.Should().BeLessThan(5000);
    }
}
