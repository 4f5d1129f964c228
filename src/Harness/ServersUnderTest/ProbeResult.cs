using ChaosFeatures.Harness.Invariants;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>Whether a legitimate client got its answer within the bound, how long it took, and if not, why (one line).</summary>
public sealed record ProbeResult(string Server, string Probe, bool Answered, TimeSpan Elapsed, TimeSpan Bound, string? Failure)
{
    /// <exception cref="ChaosAssertionException">It did not answer in time.</exception>
    public void ThrowIfNotAnswered()
    {
        if (!Answered) throw new ChaosAssertionException(ToString());
    }

    public override string ToString() => Answered
        ? $"server {Server} answered {Probe} in {Elapsed.TotalMilliseconds:0} ms (bound {Bound.TotalMilliseconds:0} ms)"
        : $"server {Server} did not answer {Probe} within {Bound.TotalMilliseconds:0} ms: {Failure}";
}
