namespace ChaosFeatures.EvilPeer.Toxics.Connect;

/// <summary>
/// New connections are refused (the client's connect fails with ECONNREFUSED) while the toxic is
/// present: the proxy stops listening but keeps its port bound, so nobody else takes it, and listens
/// again on the same port once the toxic is removed. Live connections go on. No attributes.
/// </summary>
public sealed record ConnectRefuseOptions : ConnectToxicOptions
{
    public const string TypeName = "connect_refuse";

    public override string Type => TypeName;

    public override bool ActsOnListener => true;
}
