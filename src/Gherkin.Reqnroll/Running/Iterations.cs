using System.Globalization;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Running;

/// <summary>
/// "Run until proven": <c>CHAOS_ITERATIONS</c> (default 1) runs each case that many times, each iteration
/// with its own derived seeds (<see cref="CaseRun.Iteration"/>). A case passes only if every iteration
/// passes; the first one that does not is the verdict. Reports record the re-runs as retries of one pickle.
/// </summary>
public static class Iterations
{
    public const string Variable = "CHAOS_ITERATIONS";

    public static int Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return 1;
        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1
            ? count
            : throw new ConfigurationException($"{Variable}='{value}' is invalid; accepted: a whole number of runs per test case, at least 1 (default 1)");
    }

    public static async Task<CaseResult> RunAsync(SuiteRun run, TestCase testCase, int count, CancellationToken cancellationToken)
    {
        var elapsed = TimeSpan.Zero;
        for (var iteration = 0; ; iteration++)
        {
            var result = await run.RunAsync(testCase, iteration, cancellationToken);
            elapsed += result.Duration;
            if (count == 1) return result;
            if (result.Status == CaseStatus.Failed)
                return result with { Message = $"Iteration {iteration + 1} of {count} failed:{Environment.NewLine}{result.Message}", Duration = elapsed };
            if (result.Status != CaseStatus.Passed || iteration == count - 1)
                return result with { Duration = elapsed, Output = [.. result.Output, $"{iteration + 1} of {count} iterations ran"] };
        }
    }
}
