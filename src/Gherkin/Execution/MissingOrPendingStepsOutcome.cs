namespace ChaosFeatures.Gherkin.Execution;

/// <summary>What an undefined or pending step does to its case (reqnroll.json <c>runtime.missingOrPendingStepsOutcome</c>).</summary>
public enum MissingOrPendingStepsOutcome
{
    /// <summary>Skipped, reason says pending.</summary>
    Pending,

    /// <summary>Skipped, reason says inconclusive.</summary>
    Inconclusive,

    /// <summary>Skipped, reason says ignored.</summary>
    Ignore,

    /// <summary>Failed: no false greens (our default).</summary>
    Error,
}
