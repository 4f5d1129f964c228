using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Tests.Execution;

/// <summary>Builds test cases by hand (the parser lives elsewhere) and runs them against chosen binding classes.</summary>
internal static class Cases
{
    public static readonly FeatureDescriptor Feature = new("features/runner/sample.feature", "/repo/features/runner/sample.feature", "Sample", null, [], "en-US");

    /// <summary>Steps as written ("Given x", "And y"); tags without @.</summary>
    public static TestCase Make(string scenario, string[] tags, params object[] steps)
    {
        var built = new List<CaseStep>();
        var previous = StepKeywordType.Given;
        foreach (var entry in steps)
        {
            var (line, argument) = entry is (string l, StepArgument a) ? (l, a) : ((string)entry, (StepArgument?)null);
            var space = line.IndexOf(' ');
            var keyword = line[..(space + 1)];
            previous = keyword.Trim() switch
            {
                "Given" => StepKeywordType.Given,
                "When" => StepKeywordType.When,
                "Then" => StepKeywordType.Then,
                _ => previous,
            };
            var text = line[(space + 1)..];
            built.Add(new CaseStep(keyword, previous, text, text, 10 + built.Count, argument, null));
        }
        return new TestCase($"{Feature.Path}:3:{scenario}", $"Sample: {scenario}", Feature, scenario, 3,
            [.. Feature.Tags, .. tags], null, null, [], [], built, null);
    }

    public static (string, StepArgument) WithTable(string line, params string[][] rows) =>
        (line, new TableArgument([.. rows.Select(r => (IReadOnlyList<string>)r)]));

    public static (string, StepArgument) WithDocString(string line, string content) => (line, new DocStringArgument(content, null));

    public static ExecutionSettings Settings { get; } = new() { StrictSkips = false };

    public static async Task<TestCaseResult> RunAsync(TestCase testCase, params Type[] bindings) =>
        await RunAsync(testCase, Settings, bindings);

    public static async Task<TestCaseResult> RunAsync(TestCase testCase, ExecutionSettings settings, params Type[] bindings)
    {
        await using var run = new TestRun(settings, bindings);
        return await run.RunAsync(testCase);
    }
}
