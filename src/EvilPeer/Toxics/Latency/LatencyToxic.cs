using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Toxics.Latency;

/// <summary>
/// Moves the chunk's due time instead of sleeping: the writer waits, while the reader keeps
/// reading the next chunks, so a 100 ms latency delays every chunk by 100 ms but costs no throughput.
/// Stacked latency toxics add up because each one starts from the due time the previous one set.
/// </summary>
internal sealed class LatencyToxic(LatencyOptions options) : Toxic
{
    public override ValueTask OnDataAsync(Chunk chunk, ToxicContext context, IChunkSink next)
    {
        long jitter = options.Jitter == 0 ? 0 : context.Random.NextInclusive(-options.Jitter, options.Jitter);
        long delay = Math.Max(0, options.Latency + jitter);
        if (context.ChunkEventsOn)
            context.Emit(PeerEventNames.Delay, [new("toxic", context.Name), new("ms", delay), new("bytes", (long)chunk.Length)]);
        return next.SendAsync(chunk with { DueAt = context.After(chunk.DueAt, delay) });
    }
}
