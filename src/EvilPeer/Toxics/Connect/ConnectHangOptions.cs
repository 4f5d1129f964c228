namespace ChaosFeatures.EvilPeer.Toxics.Connect;

/// <summary>
/// The proxy never accepts while the toxic is present. The kernel still completes handshakes while
/// the backlog has room, so a client's connect succeeds and then nothing happens; once the backlog is
/// full, new connects hang until their own timeout. Removing the toxic serves the waiting connections.
/// No attributes.
/// </summary>
public sealed record ConnectHangOptions : ConnectToxicOptions
{
    public const string TypeName = "connect_hang";

    public override string Type => TypeName;

    public override bool ActsOnListener => true;
}
