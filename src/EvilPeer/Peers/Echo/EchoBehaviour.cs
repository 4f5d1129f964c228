namespace ChaosFeatures.EvilPeer.Peers.Echo;

/// <summary>Writes back whatever it reads until the client's FIN, then answers with FIN.</summary>
public sealed record EchoBehaviour : PeerBehaviour
{
    public override PeerMode Mode => PeerMode.Echo;

    internal override Task RunAsync(PeerConnection connection) => EchoLoop.RunAsync(connection);
}
