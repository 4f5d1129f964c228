namespace ChaosFeatures.Harness.Replay;

/// <param name="Index">1-based index over all Examples rows of the outline.</param>
/// <param name="Line">Line of the row in the feature file.</param>
/// <param name="Values">Header -> cell, in column order.</param>
public sealed record ReplayExample(int Index, int Line, IReadOnlyDictionary<string, string> Values);
