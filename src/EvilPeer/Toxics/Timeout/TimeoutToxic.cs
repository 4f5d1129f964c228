using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Toxics.Timeout;

internal sealed class TimeoutToxic(TimeoutOptions options) : Toxic
{
    private ITimer? _timer;

    public override void OnAttach(ToxicContext context)
    {
        if (options.Timeout > 0)
            _timer = context.StartTimer(options.Timeout, () => context.CloseConnection(CloseMode.Fin, "timeout elapsed"));
    }

    public override void OnDetach() => _timer?.Dispose();

    public override bool ClosesConnectionWhenRemoved => true;

    public override ValueTask OnDataAsync(Chunk chunk, ToxicContext context, IChunkSink next)
    {
        if (context.ChunkEventsOn) context.Emit(PeerEventNames.Drop, [new("toxic", context.Name), new("bytes", (long)chunk.Length)]);
        chunk.Release();
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnEndAsync(Chunk end, ToxicContext context, IChunkSink next) => ValueTask.CompletedTask;
}
