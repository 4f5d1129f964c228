using ChaosFeatures.Gherkin.Bindings;

namespace ChaosFeatures.Gherkin.Reporting.Recording;

/// <summary>Everything a report is rendered from: the whole suite (so cases that did not run still show) and what ran.</summary>
/// <param name="Cases">Finished cases in the order they finished.</param>
public sealed record RecordedRun(
    FeatureSuite Suite,
    IReadOnlyList<StepDefinitionInfo> StepDefinitions,
    IReadOnlyList<HookInfo> Hooks,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    bool Success,
    IReadOnlyList<RecordedCase> Cases);
