using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Toxics.LimitTime;

internal sealed class LimitTimeToxic(LimitTimeOptions options) : Toxic
{
    private ITimer? _timer;

    public override void OnAttach(ToxicContext context) =>
        _timer = context.StartTimer(options.Time, () => context.CloseConnection(options.Close, "time limit reached"));

    public override void OnDetach() => _timer?.Dispose();

    public override ValueTask OnDataAsync(Chunk chunk, ToxicContext context, IChunkSink next) => next.SendAsync(chunk);
}
