namespace ChaosFeatures.Harness.Replay;

/// <summary>The choice made in one <c>one of:</c>/<c>any of:</c> block.</summary>
/// <param name="Line">Line of the block's step.</param>
/// <param name="Kind"><c>one-of</c> or <c>any-of</c>.</param>
/// <param name="Rows">0-based rows of the block's table that were chosen.</param>
/// <param name="Steps">The chosen step texts, as written.</param>
public sealed record ReplayMutationBlock(int Line, string Kind, IReadOnlyList<int> Rows, IReadOnlyList<string> Steps);
