using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Toxics.Corrupt;

/// <summary>
/// Flips in place (the chunk owns its buffer). Rate mode draws the gap to the next corrupted
/// byte (geometric) rather than a coin per byte: cheap on big chunks, and the flipped offsets
/// do not depend on how the stream happened to be chunked.
/// </summary>
internal sealed class CorruptToxic(CorruptOptions options) : Toxic
{
    private long _position;
    private long _nextFlip = -1;

    public override void OnAttach(ToxicContext context) => _position = context.BytesBeforeAttach;

    public override ValueTask OnDataAsync(Chunk chunk, ToxicContext context, IChunkSink next)
    {
        if (_nextFlip < 0) _nextFlip = options.Offset >= 0 ? options.Offset : _position + Gap(context);
        long end = _position + chunk.Length;
        while (_nextFlip >= _position && _nextFlip < end)
        {
            int bit = options.Offset >= 0 ? (int)options.Bit : (int)context.Random.NextInclusive(0, 7);
            chunk.Buffer![_nextFlip - _position] ^= (byte)(1 << bit);
            if (context.EventsOn) context.Emit(PeerEventNames.Corrupt, [new("toxic", context.Name), new("offset", _nextFlip), new("bit", (long)bit)]);
            _nextFlip = options.Offset >= 0 ? long.MaxValue : _nextFlip + 1 + Gap(context);
        }
        _position = end;
        return next.SendAsync(chunk);
    }

    private long Gap(ToxicContext context)
    {
        if (options.Rate >= 1.0) return 0;
        double u = context.Random.NextDouble();
        return (long)Math.Min(Math.Floor(Math.Log(1.0 - u) / Math.Log(1.0 - options.Rate)), long.MaxValue / 4);
    }
}
