namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>
/// What a peer does with each accepted connection: <see cref="Serve.ServeBehaviour"/>,
/// <see cref="Consume.ConsumeBehaviour"/>, <see cref="Echo.EchoBehaviour"/> or <see cref="Http.HttpBehaviour"/>. Behaviours are
/// immutable and validated by their constructors; one instance drives every connection.
/// </summary>
public abstract record PeerBehaviour
{
    private protected PeerBehaviour() { }

    /// <summary>Which behaviour this is; its text (in events and the forked fault table) is <see cref="PeerModes.Name"/>.</summary>
    public abstract PeerMode Mode { get; }

    /// <summary>True when closing this connection (also at disposal) should send RST.</summary>
    public virtual bool ClosesWithReset => false;

    internal abstract Task RunAsync(PeerConnection connection);
}
