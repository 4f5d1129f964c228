using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.Corrupt;

/// <summary>
/// Beyond Toxiproxy: flips bits. Either one bit (<see cref="Bit"/>) of the byte at stream
/// <see cref="Offset"/>, or a random bit of each byte with probability <see cref="Rate"/>,
/// drawn from the proxy seed so the same seed flips the same bits. Offsets count the bytes of
/// this direction as they reach the toxic, from the start of the connection.
/// </summary>
public sealed record CorruptOptions : ToxicOptions
{
    public const string TypeName = "corrupt";

    /// <summary>Stream offset of the byte to flip, -1..2^50; -1 (default) = off.</summary>
    public long Offset { get; init; } = -1;

    /// <summary>Which bit of the byte at <see cref="Offset"/>, 0..7 (0 = least significant). Default 0.</summary>
    public long Bit { get; init; }

    /// <summary>Probability per byte, 0..1; 0 (default) = off.</summary>
    public double Rate { get; init; }

    public override string Type => TypeName;

    protected override void ValidateAttributes(Validator validator) => validator
        .Range(Field("offset"), Offset, -1, 1L << 50, "bytes (-1 = off)")
        .Range(Field("bit"), Bit, 0, 7)
        .Range(Field("rate"), Rate, 0.0, 1.0, "per byte")
        .Require((Offset >= 0) ^ (Rate > 0), Field("offset"), "set exactly one of offset (>= 0) and rate (> 0)");

    internal override Toxic CreateToxic() => new CorruptToxic(this);
}
