namespace ChaosFeatures.Harness.Replay;

/// <param name="Keyword">Keyword as written, trimmed (<c>Then</c>, <c>And</c>, ...).</param>
/// <param name="Text">Resolved step text.</param>
/// <param name="Line">Line in the feature file (a mutation row's own line).</param>
public sealed record ReplayStep(string Keyword, string Text, int Line);
