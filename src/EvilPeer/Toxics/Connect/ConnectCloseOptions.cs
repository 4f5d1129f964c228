using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.Connect;

/// <summary>
/// Accept, then close at once: each new connection (with probability <see cref="ToxicOptions.Toxicity"/>)
/// is closed before the upstream is dialed, with a FIN (the client reads EOF) or an RST
/// (<see cref="Close"/>; the client sees a connection reset).
/// </summary>
public sealed record ConnectCloseOptions : ConnectToxicOptions
{
    public const string TypeName = "connect_close";

    /// <summary>Attribute <c>close</c>: <c>fin</c> (default) or <c>rst</c>.</summary>
    public CloseMode Close { get; init; } = CloseMode.Fin;

    public override string Type => TypeName;

    public override bool ActsOnListener => false;

    protected override void ValidateConnectAttributes(Validator validator) =>
        validator.Require(Enum.IsDefined(Close), Field("close"), "must be fin or rst");
}
