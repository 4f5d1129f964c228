using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Toxics.Bandwidth;

/// <summary>
/// Paces against a virtual clock: each slice is released when its last byte would have left a
/// link of the given rate. The link restarts only when data arrives after it went idle, never
/// because a timer fired late or because the chunk sat in the socket while we paced the last
/// one, so lateness does not accumulate (480 KB at 1000 KB/s ends at 480 ms, not 480 ms plus
/// 48 timer overshoots). Waiting here is backpressure: the reader stops reading.
/// </summary>
internal sealed class BandwidthToxic(BandwidthOptions options) : Toxic
{
    private const int SlicesPerSecond = 100; // 10 ms slices: smooth enough to observe, cheap enough to schedule
    private long _linkFreeAt;
    private long? _returnedAt;

    public override async ValueTask OnDataAsync(Chunk chunk, ToxicContext context, IChunkSink next)
    {
        if (options.Rate == 0)
        {
            // A stall holds the chunk (and so the reader) until the toxic leaves; nothing is lost.
            await context.WaitUntilDetachedAsync().ConfigureAwait(false);
            await next.SendAsync(chunk with { DueAt = Math.Max(chunk.DueAt, context.Now) }).ConfigureAwait(false);
            return;
        }
        long bytesPerSecond = options.Rate * 1000;
        int sliceSize = (int)Math.Clamp(bytesPerSecond / SlicesPerSecond, 1, int.MaxValue);
        if (chunk.Length <= sliceSize)
        {
            await PaceAsync(chunk.Length, chunk.DueAt, bytesPerSecond, context).ConfigureAwait(false);
            await next.SendAsync(chunk with { DueAt = Math.Max(chunk.DueAt, context.Now) }).ConfigureAwait(false);
            _returnedAt = context.Now;
            return;
        }
        // Larger chunks leave in slices; each is a copy so every chunk keeps owning its buffer.
        for (int offset = 0; offset < chunk.Length;)
        {
            int length = Math.Min(sliceSize, chunk.Length - offset);
            // Once removed, the rest of the chunk leaves in one piece instead of slice by slice.
            if (!await PaceAsync(length, chunk.DueAt, bytesPerSecond, context).ConfigureAwait(false)) length = chunk.Length - offset;
            await next.SendAsync(Chunk.CopyOf(chunk.Buffer.AsSpan(offset, length), Math.Max(chunk.DueAt, context.Now))).ConfigureAwait(false);
            offset += length;
        }
        chunk.Release();
        _returnedAt = context.Now;
    }

    private ValueTask<bool> PaceAsync(int bytes, long arrivedAt, long bytesPerSecond, ToxicContext context)
    {
        // Read within a millisecond of our return: it was already waiting, so the link never went idle.
        bool backlogged = arrivedAt - _returnedAt < context.Time.TimestampFrequency / 1000; // false before the first chunk
        long start = backlogged ? _linkFreeAt : Math.Max(_linkFreeAt, arrivedAt);
        _linkFreeAt = start + (long)((double)bytes * context.Time.TimestampFrequency / bytesPerSecond);
        return context.DelayUntilAsync(_linkFreeAt);
    }
}
