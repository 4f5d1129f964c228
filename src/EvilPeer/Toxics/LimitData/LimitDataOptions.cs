using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.LimitData;

/// <summary>
/// Lets exactly <see cref="Bytes"/> bytes through (counted from when the toxic was attached),
/// then closes the connection (FIN to both peers) once they are written.
/// </summary>
public sealed record LimitDataOptions : ToxicOptions
{
    public const string TypeName = "limit_data";
    public const long MaxBytes = 1L << 50;

    /// <summary>Bytes, 0..2^50. Default 0.</summary>
    public long Bytes { get; init; }

    public override string Type => TypeName;

    protected override void ValidateAttributes(Validator validator) =>
        validator.Range(Field("bytes"), Bytes, 0, MaxBytes, "bytes");

    internal override Toxic CreateToxic() => new LimitDataToxic(this);
}
