using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.Bandwidth;

/// <summary>
/// Limits the direction to <see cref="Rate"/> KB/s (1 KB = 1000 B). Rate 0 is rejected rather
/// than hanging the pump as Toxiproxy does; to block a direction use the timeout toxic.
/// </summary>
public sealed record BandwidthOptions : ToxicOptions
{
    public const string TypeName = "bandwidth";
    public const long MaxRate = 10_000_000;

    /// <summary>KB/s, 1..10000000. Default 1000.</summary>
    public long Rate { get; init; } = 1000;

    public override string Type => TypeName;

    public override IReadOnlyDictionary<string, object> Attributes => new Dictionary<string, object> { ["rate"] = Rate };

    protected override void ValidateAttributes(Validator validator) =>
        validator.Range(Field("rate"), Rate, 1, MaxRate, "KB/s (use the timeout toxic to block)");

    internal override Toxic CreateToxic() => new BandwidthToxic(this);
}
