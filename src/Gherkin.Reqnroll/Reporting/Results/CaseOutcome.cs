using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Reporting.Results;

/// <summary>A case as the run's Cucumber messages tell it: its status over every attempt, and the steps of the attempt that decided it.</summary>
/// <param name="Status"><c>passed</c>, <c>failed</c> or <c>skipped</c>.</param>
/// <param name="Message">For a failure: each failing step's error, then what the case logged (timeline, replay descriptor, freeze command).</param>
/// <param name="Attempts">How many times the case ran (iterations are retries of one pickle).</param>
internal sealed record CaseOutcome(
    TestCase Case, string Status, TimeSpan Duration, string? Message, string? SkipReason, IReadOnlyList<StepOutcome> Steps, int Attempts,
    IReadOnlyList<string> Logs)
{
    /// <summary>Attempts that passed: with <see cref="FailedAttempts"/>, whether a case failed in some iterations only (flaky).</summary>
    public int PassedAttempts { get; init; }

    public int FailedAttempts { get; init; }
}

/// <param name="Step">The case step, or null for a hook.</param>
/// <param name="Hook">The hook's name when <paramref name="Step"/> is null.</param>
/// <param name="Status">Cucumber's result status in lower case (<c>passed</c>, <c>failed</c>, <c>undefined</c>, ...).</param>
internal sealed record StepOutcome(CaseStep? Step, string? Hook, string Status, TimeSpan Duration, string? Error);
