using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Toxics.LimitData;

/// <summary>The close travels behind the last allowed bytes, so the peer reads exactly that many before EOF.</summary>
internal sealed class LimitDataToxic(LimitDataOptions options) : Toxic
{
    private long _passed;
    private bool _closed;

    public override async ValueTask OnDataAsync(Chunk chunk, ToxicContext context, IChunkSink next)
    {
        if (_closed)
        {
            chunk.Release();
            return;
        }
        long allowed = options.Bytes - _passed;
        if (chunk.Length < allowed)
        {
            _passed += chunk.Length;
            await next.SendAsync(chunk).ConfigureAwait(false);
            return;
        }
        _passed = options.Bytes;
        _closed = true;
        if (allowed > 0) await next.SendAsync(chunk with { Length = (int)allowed }).ConfigureAwait(false);
        else chunk.Release();
        await next.SendAsync(Chunk.Close(chunk.DueAt, CloseMode.Fin)).ConfigureAwait(false);
    }
}
