namespace ChaosFeatures.Harness.Peers;

/// <summary>
/// A named peer as Given steps define it, before it starts: an evil peer (<see cref="EvilPeerSpec"/>) or a real server
/// (<see cref="RealServerSpec"/>). Either may be fronted by a toxic proxy; what else it takes depends on which it is.
/// </summary>
public abstract class PeerSpec
{
    private protected PeerSpec(string name) => Name = name;

    public string Name { get; }
    public ProxySpec? Proxy { get; private set; }

    /// <summary>What a download from this peer should get in full, or null when that is not known (it reads, echoes, or is a real server).</summary>
    public virtual byte[]? ServedPayload => null;

    /// <summary>Clients of this peer speak TLS: its proxy's listener does (or an evil peer does itself).</summary>
    public virtual bool ClientsSpeakTls => Proxy?.Tls is not null;

    public ProxySpec Fronted() => Proxy ??= new ProxySpec(Name);

    /// <summary>TLS on the listener of the peer's proxy (which it implies), created by the first such step.</summary>
    public virtual TlsSpec ProxyTls() => Fronted().Tls ??= new TlsSpec($"the proxy of peer \"{Name}\"");
}
