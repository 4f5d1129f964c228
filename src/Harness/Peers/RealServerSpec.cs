using ChaosFeatures.Harness.Servers;

namespace ChaosFeatures.Harness.Peers;

/// <summary>
/// A name that stands for a real server (redis, postgres, or the user's own: see <see cref="RealServerKind"/>) rather than an
/// evil peer: it answers as it does and keeps no peer counters; only its toxic proxy misbehaves.
/// </summary>
public sealed class RealServerSpec(string name, RealServerKind kind) : PeerSpec(name)
{
    public RealServerKind Kind { get; } = kind;

    /// <summary><c>"R" is a real redis server</c>: how messages about what it does not do begin.</summary>
    public string Described => $"\"{Name}\" is a real {Kind.Name} server";
}
