namespace ChaosFeatures.Merge.Cli;

/// <summary>What to merge and where to: validated by <see cref="MergeCli"/> before the merge reads anything.</summary>
/// <param name="Jobs">Job folders (each with <c>job.json</c>) or folders of them, as given.</param>
/// <param name="Previous">The previous night's <c>summary.json</c>, for the trend; null for none.</param>
/// <param name="Nights">How many nights the trend spans, tonight included.</param>
internal sealed record MergeRequest(IReadOnlyList<string> Jobs, string Out, string? Previous, int Nights, string CurrentDirectory);
