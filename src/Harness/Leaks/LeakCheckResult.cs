using ChaosFeatures.Harness.Invariants;

namespace ChaosFeatures.Harness.Leaks;

/// <summary>What a leak check found. <see cref="SkippedReason"/> is set when part of it could not run here (never a silent pass).</summary>
public sealed record LeakCheckResult(IReadOnlyList<string> Leaks, string? SkippedReason)
{
    public bool Clean => Leaks.Count == 0;

    /// <summary>Throws <see cref="ChaosAssertionException"/> naming every leak.</summary>
    public void ThrowIfLeaks()
    {
        if (!Clean) throw new ChaosAssertionException("left behind: " + string.Join("; ", Leaks));
    }
}
