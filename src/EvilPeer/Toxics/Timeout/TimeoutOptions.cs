using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.Timeout;

/// <summary>
/// A black hole: drops all data (and the FIN), and closes the connection (FIN to both peers)
/// <see cref="Timeout"/> ms after it was attached. 0 holds the connection open forever. Removing
/// it closes the connection (FIN), as Toxiproxy does: the data it dropped cannot be given back.
/// </summary>
public sealed record TimeoutOptions : ToxicOptions
{
    public const string TypeName = "timeout";

    /// <summary>Milliseconds, 0..3600000; 0 = never close. Default 0.</summary>
    public long Timeout { get; init; }

    public override string Type => TypeName;

    protected override void ValidateAttributes(Validator validator) =>
        validator.Range(Field("timeout"), Timeout, 0, 3_600_000, "ms (0 = hold forever)");

    internal override Toxic CreateToxic() => new TimeoutToxic(this);
}
