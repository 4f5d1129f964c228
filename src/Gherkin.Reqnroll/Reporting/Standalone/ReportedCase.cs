namespace ChaosFeatures.Gherkin.Reporting.Standalone;

/// <summary>A case of a Cucumber Messages stream with its verdict over every iteration (attempt) it ran.</summary>
/// <param name="Id">The pickle id: our stable case id (in a merged stream, prefixed with its job).</param>
/// <param name="Status"><c>passed</c>, <c>failed</c> or <c>skipped</c>: the first failing iteration decides.</param>
/// <param name="Message">For a failure: the failing steps' errors and what the case logged (timeline, replay descriptor, freeze command).</param>
public sealed record ReportedCase(
    string Id, string FeaturePath, int ScenarioLine, string ScenarioName, string DisplayName, string Status,
    int Attempts, int PassedAttempts, int FailedAttempts, TimeSpan Duration, string? Message)
{
    /// <summary>The scenario it was expanded from: feature path and scenario line.</summary>
    public string Scenario => $"{FeaturePath}:{ScenarioLine}";
}
