namespace ChaosFeatures.Harness.Seeds;

/// <summary>How the scenario scheduler picks the next ready continuation.</summary>
public enum SchedulerKind
{
    /// <summary>Queue order: the deterministic default.</summary>
    Fifo,
    /// <summary>Uniform pick among ready continuations.</summary>
    Random,
    /// <summary>Probabilistic concurrency testing: random task priorities with DEPTH-1 change points.</summary>
    Pct,
}
