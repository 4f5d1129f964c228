using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Toxics.Bandwidth;

/// <summary>
/// Paces against a virtual clock: each slice is released when its last byte would have left a
/// link of the given rate, counted from when the link was last free. Because the clock is
/// absolute, timer lateness never accumulates (480 KB at 1000 KB/s ends at 480 ms, not 480 ms
/// plus 48 timer overshoots). Waiting here is backpressure: the reader stops reading.
/// </summary>
internal sealed class BandwidthToxic(BandwidthOptions options) : Toxic
{
    private const int SlicesPerSecond = 100; // 10 ms slices: smooth enough to observe, cheap enough to schedule
    private long _linkFreeAt;

    public override async ValueTask OnDataAsync(Chunk chunk, ToxicContext context, IChunkSink next)
    {
        long bytesPerSecond = options.Rate * 1000;
        int sliceSize = (int)Math.Clamp(bytesPerSecond / SlicesPerSecond, 1, int.MaxValue);
        if (chunk.Length <= sliceSize)
        {
            await PaceAsync(chunk.Length, bytesPerSecond, context).ConfigureAwait(false);
            await next.SendAsync(chunk with { DueAt = Math.Max(chunk.DueAt, context.Now) }).ConfigureAwait(false);
            return;
        }
        // Larger chunks leave in slices; each is a copy so every chunk keeps owning its buffer.
        for (int offset = 0; offset < chunk.Length;)
        {
            int length = Math.Min(sliceSize, chunk.Length - offset);
            // Once removed, the rest of the chunk leaves in one piece instead of slice by slice.
            if (!await PaceAsync(length, bytesPerSecond, context).ConfigureAwait(false)) length = chunk.Length - offset;
            await next.SendAsync(Chunk.CopyOf(chunk.Buffer.AsSpan(offset, length), Math.Max(chunk.DueAt, context.Now))).ConfigureAwait(false);
            offset += length;
        }
        chunk.Release();
    }

    private ValueTask<bool> PaceAsync(int bytes, long bytesPerSecond, ToxicContext context)
    {
        long start = Math.Max(_linkFreeAt, context.Now);
        _linkFreeAt = start + (long)((double)bytes * context.Time.TimestampFrequency / bytesPerSecond);
        return context.DelayUntilAsync(_linkFreeAt);
    }
}
