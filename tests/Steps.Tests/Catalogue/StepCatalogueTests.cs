using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;
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
        topics.Select(t => t.Topic.Title).Should().Equal("Peers", "Toxic proxy", "Clients and tasks", "Assertions", "Seeds", "In-memory fault streams", "Real servers");
    }

    [Fact]
    public async Task StepCatalogue_examples_match_their_own_step_definitions()
    {
        var entries = StepCatalogue.Topics(Steps).SelectMany(t => t.Steps).ToArray();
        var steps = new List<CaseStep> { Step("Given " + CatalogueCheckSteps.Stop, 1) };
        steps.AddRange(entries.Select((e, i) => Step(e.Example!, i + 2)));
        var feature = new FeatureDescriptor("catalogue.feature", Path.Combine(FixtureRun.Root, "catalogue.feature"), "Catalogue", null, [], "en-US");
        var testCase = new TestCase("catalogue.feature:1", "Catalogue: examples", feature, "examples", 1, [], null, null, [], [], steps, null);

        await using var run = FixtureRun.NewRun();
        var result = await run.RunAsync(testCase);

        var matched = result.Steps.Where(s => s.Step is { Line: > 1 }).ToArray();
        matched.Should().HaveCount(entries.Length);
        foreach (var (step, entry) in matched.Zip(entries))
        {
            step.Status.Should().Be(StepStatus.Skipped, $"'{entry.Example}' should match, not be {step.Status}: {step.Error}");
            step.Binding!.MethodName.Should().EndWith($"{entry.Method.DeclaringType!.Name}.{entry.Method.Name}", $"'{entry.Example}' should match [{entry.Expression}]");
            step.Binding.Expression.Should().Be(entry.Expression);
        }
    }

    private static CaseStep Step(string line, int number)
    {
        var keyword = line[..(line.IndexOf(' ') + 1)];
        var type = Enum.Parse<StepKeywordType>(keyword.Trim());
        return new CaseStep(keyword, type, line[keyword.Length..], line[keyword.Length..], number, null, null);
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
