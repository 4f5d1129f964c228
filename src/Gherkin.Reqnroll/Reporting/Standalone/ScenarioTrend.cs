namespace ChaosFeatures.Gherkin.Reporting.Standalone;

/// <summary>One scenario over the last nights, as the chaos page's trend table shows it.</summary>
/// <param name="Scenario">Its key: feature path and scenario line, e.g. <c>features/io/x.feature:12</c>.</param>
/// <param name="Name">The scenario's title.</param>
/// <param name="PassRate">Iterations that passed over iterations that ran, over the nights it ran (0..1).</param>
/// <param name="Nights">Oldest first, one per night: <c>passed</c>, <c>failed</c>, <c>flaky</c> or <c>absent</c>.</param>
/// <param name="NewlyFailed">Failed tonight and not the last night before that it ran.</param>
/// <param name="NewlyFlaky">Flaky tonight and not the last night before that it ran.</param>
/// <param name="Flaky">Tonight a case of it failed in some iterations (or seed sets) and passed in others.</param>
public sealed record ScenarioTrend(string Scenario, string Name, double PassRate, IReadOnlyList<string> Nights, bool NewlyFailed, bool NewlyFlaky, bool Flaky);
