using System.Text.Json.Nodes;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Suite;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using ChaosFeatures.Steps.Tests.Bindings;
using ChaosFeatures.Steps.Tests.Support;

namespace ChaosFeatures.Steps.Tests.Catalogue;

public sealed class StepCatalogueTests
{
    private static readonly System.Reflection.Assembly Steps = typeof(ChaosScenario).Assembly;

    [Fact]
    public void StepCatalogue_docs_are_in_sync_with_the_bindings()
    {
        var path = Path.Combine(RepoRoot(), "docs", "steps.md");
        var expected = StepCatalogue.Render(Steps);
        if (Environment.GetEnvironmentVariable("UPDATE_STEP_CATALOGUE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }
        var actual = File.Exists(path) ? File.ReadAllText(path) : "";

        actual.Should().Be(expected, $"docs/steps.md is stale; regenerate it with `{StepCatalogue.UpdateCommand}`. Differences:\n{Diff(actual, expected)}");
    }

    [Fact]
    public void StepCatalogue_has_one_example_per_step_and_a_topic_per_binding_class()
    {
        var topics = StepCatalogue.Topics(Steps);
        var entries = topics.SelectMany(t => t.Steps).ToArray();

        entries.Where(e => e.Example is null).Select(e => e.Method.Name).Should().BeEmpty("every step needs a [StepExample]");
        entries.Select(e => e.Expression).Should().OnlyHaveUniqueItems();
        topics.Select(t => t.Topic.Title).Should().Equal("Peers", "Toxic proxy", "Clients and tasks", "Assertions", "Seeds", "In-memory fault streams", "Real servers",
            "HTTP peers", "TLS", "HTTP requests", "HTTP and TLS assertions", "Toxiproxy API", "Servers under test", "Evil clients",
            "Evil client assertions", "Process faults", "Server assertions", "Proxy faults while tasks run", "Realistic payloads");
    }

    [Fact]
    public void StepCatalogue_defines_every_outcome()
    {
        OutcomeGlossary.Meanings.Keys.Should().BeEquivalentTo(Enum.GetValues<ChaosFeatures.Harness.Clients.Outcome>());
    }

    /// <summary>
    /// Reqnroll itself matches each example: a feature whose first step fails runs them all as skipped steps,
    /// and the Cucumber messages of that run say which step definition each one matched.
    /// </summary>
    [Fact]
    public async Task StepCatalogue_examples_match_their_own_step_definitions()
    {
        var entries = StepCatalogue.Topics(Steps).SelectMany(t => t.Steps).ToArray();
        var root = Directory.CreateTempSubdirectory("step-catalogue-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "reqnroll.json"), """
                { "bindingAssemblies": [ { "assembly": "ChaosFeatures.Steps" } ], "formatters": { "message": { "outputFilePath": "messages.ndjson" } } }
                """);
            Directory.CreateDirectory(Path.Combine(root, "features"));
            File.WriteAllLines(Path.Combine(root, "features", "catalogue.feature"),
                ["Feature: Catalogue", "  Scenario: examples", "    Given " + CatalogueCheckSteps.Stop, .. entries.Select(e => "    " + e.Example)]);
            var suite = FeatureSuite.Load(root, ["features"], ExpansionOptions.Default);
            suite.Errors.Should().BeEmpty();
            await using (var run = await SuiteRun.StartAsync(new SuiteRunOptions(typeof(FixtureRun).Assembly, suite)))
                (await run.RunAsync(suite.TestCases.Single())).Status.Should().Be(CaseStatus.Failed, "the first step stops the case");

            var (definitions, testSteps) = Matches(Path.Combine(root, "messages.ndjson"));
            testSteps.Should().HaveCount(entries.Length + 1);
            foreach (var (matched, entry) in testSteps.Skip(1).Zip(entries))
            {
                matched.Should().ContainSingle($"'{entry.Example}' should match exactly one step definition");
                var definition = definitions[matched[0]];
                // Reqnroll writes the class as assembly name + full name; the end is what identifies the method.
                definition.Method.Should().EndWith($".{entry.Method.DeclaringType!.FullName}.{entry.Method.Name}", $"'{entry.Example}' should match [{entry.Expression}]");
                definition.Pattern.Should().Be(entry.Expression);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Step definition id -> (method, pattern), and the definitions each pickle step of the one test case matched, in order.</summary>
    private static (Dictionary<string, (string Method, string Pattern)> Definitions, List<string[]> TestSteps) Matches(string ndjson)
    {
        var definitions = new Dictionary<string, (string, string)>();
        var testSteps = new List<string[]>();
        foreach (var line in File.ReadLines(ndjson).Where(l => l.Length > 0))
        {
            var envelope = JsonNode.Parse(line)!;
            if (envelope["stepDefinition"] is { } definition)
            {
                var method = definition["sourceReference"]!["javaMethod"]!;
                definitions[(string)definition["id"]!] = ($"{(string)method["className"]!}.{(string)method["methodName"]!}", (string)definition["pattern"]!["source"]!);
            }
            if (envelope["testCase"] is { } testCase)
                testSteps.AddRange(testCase["testSteps"]!.AsArray().Where(s => s!["pickleStepId"] is not null)
                    .Select(s => s!["stepDefinitionIds"]!.AsArray().Select(id => (string)id!).ToArray()));
        }
        return (definitions, testSteps);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChaosFeatures.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ChaosFeatures.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The first differing lines, numbered, so a stale catalogue shows what changed without a diff tool.</summary>
    private static string Diff(string actual, string expected)
    {
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        var lines = new List<string>();
        for (var i = 0; i < Math.Max(a.Length, e.Length) && lines.Count < 40; i++)
        {
            var left = i < a.Length ? a[i] : null;
            var right = i < e.Length ? e[i] : null;
            if (left == right) continue;
            if (left is not null) lines.Add($"  {i + 1,4} - {left}");
            if (right is not null) lines.Add($"  {i + 1,4} + {right}");
        }
        return string.Join('\n', lines);
    }
}
