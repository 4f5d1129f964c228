namespace ChaosFeatures.Merge.Replays;

/// <summary>A failed case of one job, with the replay descriptor it left (copied into the merge's output) and the command that freezes it.</summary>
/// <param name="Descriptor">The copied descriptor, or null when the case left none (a failure outside the chaos steps, e.g. an undefined step).</param>
/// <param name="Freeze">Run from the suite root: <c>dotnet run --project tools/freeze -- &lt;descriptor&gt;</c>.</param>
internal sealed record FailureEntry(string Job, string CaseId, string Name, string? Descriptor, string? Freeze);
