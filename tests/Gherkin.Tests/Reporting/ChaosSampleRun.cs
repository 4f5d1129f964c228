using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Suite;
using ChaosFeatures.Gherkin.Tests.Running;
using Reqnroll;

namespace ChaosFeatures.Gherkin.Tests.Reporting;

/// <summary>
/// A small chaos-shaped suite run in-process on Reqnroll with every formatter on. Cases tagged <c>@wip</c>
/// are left out of the run, so reports must show them as not run (or not at all). A peer reset makes the
/// outcome step fail, and the case logs a timeline and a freeze command like the step library does.
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

    public const string Json = """
        {
          "runtime": { "missingOrPendingStepsOutcome": "Error" },
          "formatters": {
            "message": {},
            "junit": {},
            "chaos": { "outputFilePath": "out/chaos.html" },
            "html": {}
          }
        }
        """;

    private readonly SampleSuite _suite;

    private ChaosSampleRun(SampleSuite suite, FeatureSuite loaded, SampleResults results)
    {
        _suite = suite;
        Suite = loaded;
        Results = results;
    }

    public FeatureSuite Suite { get; }

    public SampleResults Results { get; }

    public IReadOnlyList<TestCase> Ran => [.. Suite.TestCases.Where(c => !c.Tags.Contains("wip"))];

    public string Root => _suite.Root;

    public static readonly IReadOnlyDictionary<string, string> Paths = new Dictionary<string, string>
    {
        ["message"] = "reports/cucumber-messages.ndjson",
        ["junit"] = "reports/junit.xml",
        ["chaos"] = "out/chaos.html",
        ["html"] = "reports/cucumber-report.html",
    };

    public string PathOf(string formatter) => Path.Combine(Root, Paths[formatter]);

    public string Read(string formatter) => File.ReadAllText(PathOf(formatter));

    public static async Task<ChaosSampleRun> RunAsync(Action<string>? beforeRun = null)
    {
        var suite = new SampleSuite(Json).Feature("slow_peers", FeatureText);
        beforeRun?.Invoke(suite.Root);
        var loaded = suite.Load();
        var results = await suite.RunAsync(c => !c.Tags.Contains("wip"));
        return new ChaosSampleRun(suite, loaded, results);
    }

    public void Dispose() => _suite.Dispose();

    [Binding]
    [Scope(Tag = "chaos")]
    public sealed class SampleSteps(CaseRun run, ScenarioContext scenario, IReqnrollOutputHelper output)
    {
        private bool _reset;

        [BeforeScenario]
        public void StartPeer() => output.WriteLine("peer started");

        [AfterScenario]
        public void AddTimeline()
        {
            if (scenario.TestError is null)
                return;
            var timeline = $"Chaos timeline:\n  +0.0 ms peer accept\n  +1.2 ms peer rst\nFreeze: {FreezeCommand}";
            run.AddFailureDetail(timeline);
            output.WriteLine(timeline);
        }

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
