using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.SlowClose;

/// <summary>Data passes untouched; the FIN (or an in-band close) is held back <see cref="Delay"/> ms after the end of stream.</summary>
public sealed record SlowCloseOptions : ToxicOptions
{
    public const string TypeName = "slow_close";

    /// <summary>Milliseconds, 0..3600000. Default 0.</summary>
    public long Delay { get; init; }

    public override string Type => TypeName;

    protected override void ValidateAttributes(Validator validator) =>
        validator.Range(Field("delay"), Delay, 0, 3_600_000, "ms");

    internal override Toxic CreateToxic() => new SlowCloseToxic(this);
}
