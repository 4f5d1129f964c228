using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.Bandwidth;

/// <summary>
/// Limits the direction to <see cref="Rate"/> KB/s (1 KB = 1000 B). Rate 0 stalls the direction:
/// data is held (the reader stops reading) until the toxic is removed or updated, then flows on
/// unchanged. That is Toxiproxy's behaviour, and testcontainers' "cut the connection" relies on it.
/// </summary>
public sealed record BandwidthOptions : ToxicOptions
{
    public const string TypeName = "bandwidth";
    public const long MaxRate = 10_000_000;

    /// <summary>KB/s, 0..10000000; 0 stalls. Default 1000.</summary>
    public long Rate { get; init; } = 1000;

    public override string Type => TypeName;

    protected override void ValidateAttributes(Validator validator) =>
        validator.Range(Field("rate"), Rate, 0, MaxRate, "KB/s (0 stalls until removed)");

    internal override Toxic CreateToxic() => new BandwidthToxic(this);
}
