namespace ChaosFeatures.Harness.Replay;

/// <param name="Line">Line of the step holding the expression.</param>
/// <param name="Expression">As written, e.g. <c>1..5</c> or <c>socket|pipe</c>.</param>
/// <param name="Value">The value this test case ran with.</param>
public sealed record ReplayFuzzedValue(int Line, string Expression, string Value);
