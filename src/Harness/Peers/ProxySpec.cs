using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Toxics;

namespace ChaosFeatures.Harness.Peers;

/// <summary>
/// The ToxicProxy in front of a peer, as Given steps build it: toxics in step order, one stream and
/// one toxicity for all of them. Each toxic is validated as its step runs, so a bad value fails there.
/// </summary>
public sealed class ProxySpec(string peer)
{
    private readonly List<ToxicOptions> _toxics = [];

    public ToxicStream Stream { get; private set; } = ToxicStream.Downstream;
    public double Toxicity { get; private set; } = 1.0;

    /// <summary>TLS on the proxy's listener (set through <see cref="PeerSpec.ProxyTls"/>, which checks the peer stays plain); null = plain TCP.</summary>
    public TlsSpec? Tls { get; internal set; }

    /// <summary>Actor of the proxy's events: the peer's name with a <c>~proxy</c> suffix.</summary>
    public string Name => peer + "~proxy";

    public void Add(ToxicOptions toxic)
    {
        toxic.Validate();
        _toxics.Add(toxic);
    }

    public void ApplyTo(string stream) => Stream = stream switch
    {
        "upstream" => ToxicStream.Upstream,
        "downstream" => ToxicStream.Downstream,
        _ => throw new ArgumentException($"toxic stream '{stream}' is unknown; accepted: upstream | downstream"),
    };

    public void WithToxicity(double toxicity) => Toxicity = toxicity is >= 0 and <= 1
        ? toxicity
        : throw new ArgumentOutOfRangeException(nameof(toxicity), toxicity, "toxicity must be in 0..1");

    /// <summary>The toxics as the proxy gets them: unique names (<c>latency_2</c>), the chosen stream and toxicity.</summary>
    public IReadOnlyList<ToxicOptions> Toxics() =>
        [.. _toxics.Select((t, i) => t with { Name = $"{t.Type}_{i + 1}", Stream = Stream, Toxicity = Toxicity })];
}
