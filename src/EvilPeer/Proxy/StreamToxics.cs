using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Connect;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>
/// A proxy's chain toxics split by direction, in order (connect-phase toxics never join a chain).
/// <see cref="Version"/> grows with every change, so a connection can tell a newer snapshot from one it has.
/// </summary>
internal sealed record StreamToxics(ToxicOptions[] Upstream, ToxicOptions[] Downstream, long Version)
{
    public static StreamToxics Empty { get; } = new([], [], 0);

    public static StreamToxics Of(IReadOnlyList<ToxicOptions> toxics, long version) => new(
        [.. toxics.Where(t => t.Stream == ToxicStream.Upstream && t is not ConnectToxicOptions)],
        [.. toxics.Where(t => t.Stream == ToxicStream.Downstream && t is not ConnectToxicOptions)],
        version);

    public ToxicOptions[] For(ToxicStream stream) => stream == ToxicStream.Upstream ? Upstream : Downstream;
}
