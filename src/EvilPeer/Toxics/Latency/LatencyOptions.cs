using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.Latency;

/// <summary>
/// Delays each chunk by <see cref="Latency"/> ± a uniform <see cref="Jitter"/>, measured from the
/// chunk's arrival, so delays never pile up and throughput is unaffected (a delay line, not stop-and-wait).
/// </summary>
public sealed record LatencyOptions : ToxicOptions
{
    public const string TypeName = "latency";
    public const long MaxMilliseconds = 3_600_000;

    /// <summary>Milliseconds, 0..3600000. Default 0.</summary>
    public long Latency { get; init; }

    /// <summary>Milliseconds, 0..3600000. Default 0. The delay is clamped at 0 when jitter exceeds latency.</summary>
    public long Jitter { get; init; }

    public override string Type => TypeName;

    protected override void ValidateAttributes(Validator validator) => validator
        .Range(Field("latency"), Latency, 0, MaxMilliseconds, "ms")
        .Range(Field("jitter"), Jitter, 0, MaxMilliseconds, "ms");

    internal override Toxic CreateToxic() => new LatencyToxic(this);
}
