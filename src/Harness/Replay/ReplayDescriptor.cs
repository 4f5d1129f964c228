namespace ChaosFeatures.Harness.Replay;

/// <summary>
/// Everything needed to run one failed chaos test case again, written as
/// <c>chaos-results/&lt;run-id&gt;/failures/&lt;test id&gt;.json</c> and read by <c>tools/freeze</c>.
/// Plain data: the Harness knows nothing about Gherkin, so the step library fills it from the test case.
/// </summary>
/// <param name="Version">Schema version; readers refuse any other than <see cref="CurrentVersion"/>.</param>
/// <param name="FeaturePath">Repo-relative feature path with forward slashes.</param>
/// <param name="Tags">Feature + scenario + examples tags without <c>@</c>.</param>
/// <param name="Example">The Examples row, or null for a plain scenario.</param>
/// <param name="MutationCode">Combination code such as <c>o1-a0.2</c>, or null without mutation blocks.</param>
/// <param name="Mutations">The chosen step texts per mutation block, in block order.</param>
/// <param name="Build">Debug, Release or Fuzz: the configuration the harness was compiled in.</param>
/// <param name="FailingStep">The step that failed, or null when the failure came from a hook (e.g. a leak check).</param>
/// <param name="DecisionHash">Hex SHA-256 of the test's decision log, to detect replay drift.</param>
/// <param name="EventsPath">The run's <c>events.jsonl</c>.</param>
public sealed record ReplayDescriptor(
    int Version,
    string RunId,
    string TestId,
    string FeaturePath,
    string ScenarioName,
    int ScenarioLine,
    IReadOnlyList<string> Tags,
    ReplayExample? Example,
    string? MutationCode,
    IReadOnlyList<ReplayMutationBlock> Mutations,
    IReadOnlyList<ReplayFuzzedValue> FuzzedValues,
    ReplaySeeds Seeds,
    string Build,
    ReplayStep? FailingStep,
    FailureSignature Signature,
    string DecisionHash,
    string EventsPath)
{
    // 2: the one seed module (src/Seeds) changed the case sub-seeds, toxic draws and payload bytes, so a
    // version 1 descriptor's seeds no longer replay its failure.
    public const int CurrentVersion = 2;
}
