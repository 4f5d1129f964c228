using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Toxics.Slicer;

/// <summary>
/// Slices are copies into pooled buffers (each keeps owning its memory) and are spaced by due
/// times on the toxic's own clock, so the reader is never put to sleep and slices of
/// consecutive chunks never overlap.
/// </summary>
internal sealed class SlicerToxic(SlicerOptions options) : Toxic
{
    private long _lastDue;

    public override async ValueTask OnDataAsync(Chunk chunk, ToxicContext context, IChunkSink next)
    {
        long due = Math.Max(_lastDue, chunk.DueAt);
        double delayMs = options.Delay / 1000.0;
        for (int offset = 0; offset < chunk.Length;)
        {
            long size = options.AverageSize + context.Random.NextInclusive(-options.SizeVariation, options.SizeVariation);
            int length = (int)Math.Min(Math.Max(1, size), chunk.Length - offset);
            if (offset > 0) due = context.After(due, delayMs);
            await next.SendAsync(Chunk.CopyOf(chunk.Buffer.AsSpan(offset, length), due)).ConfigureAwait(false);
            offset += length;
        }
        _lastDue = due;
        chunk.Release();
    }
}
