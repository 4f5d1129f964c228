using System.Globalization;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Xunit.Execution;

/// <summary>
/// "Run until proven": <c>CHAOS_ITERATIONS</c> (default 1) runs each test case that many times,
/// each iteration with its own derived seeds (<see cref="ScenarioInfo.Iteration"/>). A case passes
/// only if every iteration passes; the first one that does not is the verdict.
/// </summary>
internal static class Iterations
{
    public const string Variable = "CHAOS_ITERATIONS";

    private static readonly Lazy<int> Configured = new(() => Parse(Environment.GetEnvironmentVariable(Variable)));

    public static int Count => Configured.Value;

    public static int Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return 1;
        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1
            ? count
            : throw new InvalidOperationException($"{Variable}='{value}' is invalid; accepted: a whole number of runs per test case, at least 1 (default 1)");
    }

    public static async Task<TestCaseResult> RunAsync(TestRun run, TestCase testCase, int count, CancellationToken cancellationToken)
    {
        var elapsed = TimeSpan.Zero;
        for (var iteration = 0; ; iteration++)
        {
            var result = await run.RunAsync(testCase, iteration, cancellationToken);
            elapsed += result.Duration;
            var last = iteration == count - 1;
            if (count == 1) return result;
            if (result.Status == TestCaseStatus.Failed)
                return result with { Message = $"Iteration {iteration + 1} of {count} failed:{Environment.NewLine}{result.Message}", Duration = elapsed };
            if (result.Status != TestCaseStatus.Passed || last)
                return result with { Duration = elapsed, Output = [.. result.Output, $"{iteration + 1} of {count} iterations ran"] };
        }
    }
}
