using System.Collections.Concurrent;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Tests.Execution;

public class ConcurrencyTests
{
    private static int _beforeRunCount;
    private static readonly ConcurrentDictionary<string, int> BeforeFeatureCounts = new();

    [Binding]
    public class Steps(ScenarioContext scenario, IReqnrollOutputHelper output)
    {
        [BeforeTestRun]
        public static void BeforeRun() => Interlocked.Increment(ref _beforeRunCount);

        [BeforeFeature]
        public static void BeforeFeature(FeatureInfo feature) => BeforeFeatureCounts.AddOrUpdate(feature.Title, 1, (_, n) => n + 1);

        [Given("scenario {int} works for {int} ms")]
        public async Task Work(int id, int ms)
        {
            scenario.Set(id);
            await Task.Delay(ms);
            Thread.Sleep(ms);
            output.WriteLine($"{scenario.Get<int>()}");
        }
    }

    [Fact]
    public async Task Parallel_runs_keep_their_state_apart_and_run_setup_hooks_once()
    {
        _beforeRunCount = 0;
        BeforeFeatureCounts.Clear();
        await using var run = new TestRun(Cases.Settings, [typeof(Steps)]);
        var features = Enumerable.Range(0, 4).Select(f => Cases.Feature with { Path = $"features/p/{f}.feature", Title = $"F{f}" }).ToArray();
        var cases = Enumerable.Range(0, 40).Select(i => Cases.Make($"s{i}", [], $"Given scenario {i} works for {i % 5} ms") with { Feature = features[i % 4] });

        var results = await Task.WhenAll(cases.Select(c => Task.Run(() => run.RunAsync(c))));

        results.Select(r => r.Status).Should().AllSatisfy(s => s.Should().Be(TestCaseStatus.Passed));
        results.Select(r => r.Output.Single()).Should().Equal(Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _beforeRunCount.Should().Be(1);
        BeforeFeatureCounts.Should().HaveCount(4).And.AllSatisfy(kv => kv.Value.Should().Be(1));
    }

    [Fact]
    public void Does_not_deadlock_under_a_single_threaded_synchronization_context()
    {
        var context = new NeverPumpedContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            using var run = new DisposeGuard(new TestRun(Cases.Settings, [typeof(Steps)]));
            var task = run.Run.RunAsync(Cases.Make("sync", [], "Given scenario 7 works for 5 ms"));

            // Blocking on purpose: this is what a sync-over-async harness does, and it must not deadlock.
#pragma warning disable xUnit1031
            task.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue("a blocked caller must not deadlock the run");
            task.Result.Status.Should().Be(TestCaseStatus.Passed);
#pragma warning restore xUnit1031
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>A harness context that never runs what is posted to it (like a blocked UI thread).</summary>
    private sealed class NeverPumpedContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
        }
    }

    private sealed class DisposeGuard(TestRun run) : IDisposable
    {
        public TestRun Run { get; } = run;

        public void Dispose() => Task.Run(async () => await Run.DisposeAsync()).Wait(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_throwing_listener_never_breaks_the_run_and_listeners_see_every_step()
    {
        var recorder = new Recorder();
        await using var run = new TestRun(Cases.Settings, [typeof(Steps)], [new Throwing(), recorder]);

        var result = await run.RunAsync(Cases.Make("listen", [], "Given scenario 1 works for 0 ms", "Then undefined"));

        result.Status.Should().Be(TestCaseStatus.Failed);
        recorder.Events.Should().Equal(
            "run-started", "case-started", "step-started scenario 1 works for 0 ms", "attachment 1 text/x.cucumber.log+plain",
            "step-finished Passed", "step-started undefined", "step-finished Undefined", "case-finished Failed");
    }

    private sealed class Throwing : ITestExecutionListener
    {
        public void TestCaseStarted(TestCase testCase) => throw new InvalidOperationException("reporter bug");

        public void StepFinished(TestCase testCase, StepResult result) => throw new InvalidOperationException("reporter bug");
    }

    private sealed class Recorder : ITestExecutionListener
    {
        public ConcurrentQueue<string> Events { get; } = new();

        public void TestRunStarted() => Events.Enqueue("run-started");

        public void TestCaseStarted(TestCase testCase) => Events.Enqueue("case-started");

        public void StepStarted(TestCase testCase, TestStepInfo step) => Events.Enqueue($"step-started {step.Step?.Text}");

        public void StepFinished(TestCase testCase, StepResult result) => Events.Enqueue($"step-finished {result.Status}");

        public void Attachment(TestCase testCase, string body, string mediaType) => Events.Enqueue($"attachment {body} {mediaType}");

        public void TestCaseFinished(TestCase testCase, TestCaseResult result) => Events.Enqueue($"case-finished {result.Status}");
    }
}
