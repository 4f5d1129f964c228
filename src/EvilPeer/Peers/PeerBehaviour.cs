namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>
/// What a peer does with each accepted connection: <see cref="Serve.ServeBehaviour"/>,
/// <see cref="Consume.ConsumeBehaviour"/> or <see cref="Echo.EchoBehaviour"/>. Behaviours are
/// immutable and validated by their constructors; one instance drives every connection.
/// </summary>
public abstract record PeerBehaviour
{
    private protected PeerBehaviour() { }

    /// <summary>The mode name used in events and in the forked fault table.</summary>
    public abstract string Mode { get; }

    /// <summary>True when closing this connection (also at disposal) should send RST.</summary>
    public virtual bool ClosesWithReset => false;

    internal abstract Task RunAsync(PeerConnection connection);
}
