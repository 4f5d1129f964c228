namespace ChaosFeatures.Harness.Invariants;

/// <summary>A chaos invariant, orphan or leak check failed. The message says what was expected and what happened.</summary>
public sealed class ChaosAssertionException(string message) : Exception(message);
