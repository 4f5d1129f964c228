namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>
/// What a peer does with each accepted connection, one <see cref="PeerBehaviour"/> each: serve a payload, consume an
/// upload, echo, or speak HTTP. As text (events, fault tables, the host's command line, messages) see <see cref="PeerModes"/>.
/// </summary>
public enum PeerMode
{
    Serve,
    Consume,
    Echo,
    Http,
}
