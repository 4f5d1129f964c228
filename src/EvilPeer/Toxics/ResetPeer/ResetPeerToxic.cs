using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Toxics.ResetPeer;

internal sealed class ResetPeerToxic(ResetPeerOptions options) : Toxic
{
    private ITimer? _timer;
    private int _armed;

    public override void OnAttach(ToxicContext context)
    {
        if (context.BytesBeforeAttach > 0) Arm(context);
    }

    public override void OnDetach() => Interlocked.Exchange(ref _timer, null)?.Dispose();

    public override ValueTask OnDataAsync(Chunk chunk, ToxicContext context, IChunkSink next)
    {
        Arm(context);
        chunk.Release();
        return ValueTask.CompletedTask;
    }

    private void Arm(ToxicContext context)
    {
        // Attach (control thread) and the first chunk (reader) may race: only one arms.
        if (Interlocked.Exchange(ref _armed, 1) == 1) return;
        _timer = context.StartTimer(options.Timeout, () => context.CloseConnection(CloseMode.Rst, "reset_peer timeout elapsed"));
    }
}
