using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.Slicer;

/// <summary>
/// Splits each chunk into writes of <see cref="AverageSize"/> ± <see cref="SizeVariation"/>
/// bytes, <see cref="Delay"/> microseconds apart (timer granularity is about 1 ms).
/// </summary>
public sealed record SlicerOptions : ToxicOptions
{
    public const string TypeName = "slicer";

    /// <summary>Bytes, 1..1048576. Default 1.</summary>
    public long AverageSize { get; init; } = 1;

    /// <summary>Bytes, 0..average_size-1. Default 0.</summary>
    public long SizeVariation { get; init; }

    /// <summary>Microseconds between slices, 0..60000000. Default 0.</summary>
    public long Delay { get; init; }

    public override string Type => TypeName;

    protected override void ValidateAttributes(Validator validator) => validator
        .Range(Field("average_size"), AverageSize, 1, 1_048_576, "bytes")
        .Range(Field("size_variation"), SizeVariation, 0, Math.Max(0, AverageSize - 1), "bytes (below average_size)")
        .Range(Field("delay"), Delay, 0, 60_000_000, "us");

    internal override Toxic CreateToxic() => new SlicerToxic(this);
}
