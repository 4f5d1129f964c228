using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.LimitTime;

/// <summary>
/// Beyond Toxiproxy: cuts the connection <see cref="Time"/> ms after the toxic was attached,
/// even while data is flowing, with a FIN or an RST (<see cref="Close"/>).
/// </summary>
public sealed record LimitTimeOptions : ToxicOptions
{
    public const string TypeName = "limit_time";

    /// <summary>Milliseconds, 1..86400000. Default 1000.</summary>
    public long Time { get; init; } = 1000;

    /// <summary>Attribute <c>close</c>: <c>fin</c> (default) or <c>rst</c>.</summary>
    public CloseMode Close { get; init; } = CloseMode.Fin;

    public override string Type => TypeName;

    protected override void ValidateAttributes(Validator validator) => validator
        .Range(Field("time"), Time, 1, 86_400_000, "ms")
        .Require(Enum.IsDefined(Close), Field("close"), "must be fin or rst");

    internal override Toxic CreateToxic() => new LimitTimeToxic(this);
}
