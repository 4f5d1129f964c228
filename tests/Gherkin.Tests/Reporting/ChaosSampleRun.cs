using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Reporting;
using ChaosFeatures.Gherkin.Reporting.Recording;
using ChaosFeatures.Gherkin.Tests.Parsing;

namespace ChaosFeatures.Gherkin.Tests.Reporting;

/// <summary>
/// A small chaos-shaped suite run in-process, in parallel, with every formatter on. Cases tagged
/// <c>@wip</c> are left out of the run, so reports must show them as not run. A peer reset makes the
/// outcome step fail, and the failure carries a timeline and a freeze command like the Harness adds.
/// </summary>
internal sealed class ChaosSampleRun : IDisposable
{
    public const string FeatureText = """
        @chaos
        Feature: Slow peers
          Background:
            Given a peer on loopback

          @io
          Scenario: Download under transport faults
            Given one of:
              | the peer sends slices of 1..3 bytes |
              | the peer resets after 5 bytes       |
            When the client downloads 10 bytes
            Then the outcome is completed

          Scenario Outline: Faults crossed with logic
            Given one of:
              | the peer sends slices of 2 bytes |
              | the peer never reads             |
            When any of:
              | the client cancels from a killer task |
              | the client reads byte by byte         |
            Then the outcome is <outcome>

            @smoke
            Examples:
              | outcome   |
              | completed |

          @wip
          Scenario: Not part of this run
            Given the peer resets after 1 bytes
            When the client uploads 10 bytes
            Then the outcome is completed

          @ignore
          Scenario: Ignored one
            Given the peer never reads

          Scenario: Undefined step
            Given a step nobody defined with "text" and 5
            ```json
            {"a": 1}
            ```
        """;

    public const string FreezeCommand = "dotnet run --project tools/freeze -- chaos-results/run-1/failures/case.json";

    private readonly TempRepo _repo;
    private readonly RunRecorder _recorder;

    private ChaosSampleRun(TempRepo repo, FeatureSuite suite, RunReports reports)
    {
        _repo = repo;
        Suite = suite;
        Reports = reports;
        _recorder = new RunRecorder(suite, TimeProvider.System);
    }

    public FeatureSuite Suite { get; }

    public RunReports Reports { get; }

    /// <summary>The run as the formatters saw it, for tests of the models behind a report.</summary>
    public RecordedRun Recording => _recorder.Snapshot(success: false);

    public IReadOnlyList<TestCase> Ran => [.. Suite.TestCases.Where(c => !c.Tags.Contains("wip"))];

    public string Root => _repo.Root;

    public string PathOf(string format) => Reports.Targets.Single(t => t.Format.Name == format).OutputPath;

    public string Read(string format) => File.ReadAllText(PathOf(format));

    public static async Task<ChaosSampleRun> RunAsync(Action<ChaosSampleRun>? beforeRun = null, IReadOnlyDictionary<string, string?>? formatters = null)
    {
        var repo = new TempRepo().Write("features/slow_peers.feature", FeatureText);
        var suite = repo.Load(ExpansionOptions.Default);
        suite.Errors.Should().BeEmpty();
        formatters ??= new Dictionary<string, string?> { ["message"] = null, ["junit"] = null, ["html"] = "out/report.html" };
        var sample = new ChaosSampleRun(repo, suite, new RunReports(suite, ReportFormats.Targets(formatters, repo.Root)));
        beforeRun?.Invoke(sample);
        var run = new TestRun(new ExecutionSettings { StrictSkips = false, ScenarioTimeout = TimeSpan.FromSeconds(10) }, [typeof(SampleSteps)], [sample.Reports, sample._recorder]);
        sample.Reports.DescribeBindings(run);
        try
        {
            await Task.WhenAll(sample.Ran.Select(c => Task.Run(() => run.RunAsync(c))));
        }
        finally
        {
            await run.DisposeAsync();
        }
        return sample;
    }

    public void Dispose() => _repo.Dispose();

    [Binding]
    public sealed class SampleSteps(ScenarioContext scenario, IReqnrollOutputHelper output)
    {
        private bool _reset;

        [BeforeScenario]
        public void StartPeer() => output.WriteLine("peer started");

        [AfterScenario]
        public void AddTimeline() => scenario.AddFailureDetail($"Chaos timeline:\n  +0.0 ms peer accept\n  +1.2 ms peer rst\nFreeze: {FreezeCommand}");

        [Given("a peer on loopback")]
        [Given("the peer never reads")]
        public void Nothing()
        {
        }

        [Given("the peer sends slices of {int} bytes")]
        public void Slices(int size) => output.WriteLine($"slices of {size}");

        [Given("the peer resets after {int} bytes")]
        public void Resets(int bytes) => _reset = bytes > 0;

        [When("the client downloads {int} bytes")]
        [When("the client uploads {int} bytes")]
        public async Task Transfer(int bytes) => await Task.Delay(bytes / 2);

        [When("the client cancels from a killer task")]
        [When("the client reads byte by byte")]
        public async Task Logic() => await Task.Delay(5);

        [Then("the outcome is {word}")]
        public void Outcome(string expected)
        {
            if (_reset)
                throw new InvalidOperationException($"expected outcome {expected} but got reset after 5 of 10 bytes");
        }
    }
}
