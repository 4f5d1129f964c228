using ChaosFeatures.Seeds;

namespace ChaosFeatures.EvilPeer.Toxics.Chain;

/// <summary>
/// A toxic in place: wraps it with the cross-cutting parts (toxicity, detachment) so a toxic
/// only implements its effect. An inactive or detached stage is a plain pass-through.
/// </summary>
internal sealed class ToxicStage(ToxicOptions options, Toxic toxic, ToxicContext context, SplitMix64 toxicityDraws) : IChunkSink
{
    private volatile IChunkSink _next = null!;

    public ToxicOptions Options { get; } = options;

    public ToxicContext Context { get; } = context;

    public IChunkSink Next { get => _next; set => _next = value; }

    public ValueTask SendAsync(Chunk chunk)
    {
        if (!Context.IsActive || Context.Detached.IsCancellationRequested) return _next.SendAsync(chunk);
        return chunk.Kind == ChunkKind.Data
            ? toxic.OnDataAsync(chunk, Context, _next)
            : toxic.OnEndAsync(chunk, Context, _next);
    }

    /// <summary>A fresh toxicity draw (on attach and on every chain change); returns the draw for the event log.</summary>
    public double Redraw()
    {
        double draw = toxicityDraws.NextDouble();
        Context.IsActive = draw < Options.Toxicity; // so toxicity 0 never fires and 1 always does
        return draw;
    }

    public void Attach() => toxic.OnAttach(Context);

    /// <summary>Only an active toxic did something that removing it cannot undo.</summary>
    public bool ClosesConnectionWhenRemoved => toxic.ClosesConnectionWhenRemoved && Context.IsActive && !Context.Detached.IsCancellationRequested;

    public void Detach()
    {
        Context.Detach();
        toxic.OnDetach();
        Context.Dispose();
    }
}
