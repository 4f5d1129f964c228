using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.ResetPeer;

/// <summary>
/// After the first data (or at once if data already flowed when the toxic was added) plus
/// <see cref="Timeout"/> ms, resets the connection with a real RST to both peers; data seen
/// meanwhile is dropped. Unlike Toxiproxy this is an RST also when added mid-connection, on either stream.
/// </summary>
public sealed record ResetPeerOptions : ToxicOptions
{
    public const string TypeName = "reset_peer";

    /// <summary>Milliseconds, 0..3600000. Default 0.</summary>
    public long Timeout { get; init; }

    public override string Type => TypeName;

    protected override void ValidateAttributes(Validator validator) =>
        validator.Range(Field("timeout"), Timeout, 0, 3_600_000, "ms");

    internal override Toxic CreateToxic() => new ResetPeerToxic(this);
}
