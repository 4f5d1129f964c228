namespace ChaosFeatures.Gherkin.Running;

public enum CaseStatus { Passed, Failed, Skipped }

/// <summary>What one run of a case came to, in the terms a test framework reports.</summary>
/// <param name="Message">For a failure: every problem, then the failure details bindings added (timeline, replay descriptor).</param>
/// <param name="ErrorType">The first error's type name, for the test framework's failure type.</param>
/// <param name="Output">Reqnroll's step trace and the lines bindings wrote through <c>IReqnrollOutputHelper</c>.</param>
public sealed record CaseResult(
    CaseStatus Status, string? Message, string? ErrorType, string? StackTrace, string? SkipReason, TimeSpan Duration, IReadOnlyList<string> Output)
{
    public static CaseResult Failed(string message, string errorType = "ChaosFeatures.ScenarioFailure") =>
        new(CaseStatus.Failed, message, errorType, null, null, TimeSpan.Zero, []);
}
