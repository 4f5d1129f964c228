namespace ChaosFeatures.Gherkin.Configuration;

/// <summary>Reqnroll's <c>runtime.missingOrPendingStepsOutcome</c>; we default to <see cref="Error"/> (no false greens).</summary>
public enum MissingOrPendingStepsOutcome { Pending, Inconclusive, Ignore, Error }
