using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Toxics.SlowClose;

internal sealed class SlowCloseToxic(SlowCloseOptions options) : Toxic
{
    public override ValueTask OnDataAsync(Chunk chunk, ToxicContext context, IChunkSink next) => next.SendAsync(chunk);

    public override ValueTask OnEndAsync(Chunk end, ToxicContext context, IChunkSink next)
    {
        if (context.EventsOn) context.Emit(PeerEventNames.Delay, [new("toxic", context.Name), new("ms", options.Delay), new("of", "close")]);
        return next.SendAsync(end with { DueAt = context.After(Math.Max(end.DueAt, context.Now), options.Delay) });
    }
}
