using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Connect;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>A proxy's chain toxics split by direction, in order (connect-phase toxics never join a chain).</summary>
internal sealed record StreamToxics(ToxicOptions[] Upstream, ToxicOptions[] Downstream)
{
    public static StreamToxics Empty { get; } = new([], []);

    public static StreamToxics Of(IReadOnlyList<ToxicOptions> toxics) => new(
        [.. toxics.Where(t => t.Stream == ToxicStream.Upstream && t is not ConnectToxicOptions)],
        [.. toxics.Where(t => t.Stream == ToxicStream.Downstream && t is not ConnectToxicOptions)]);
}
