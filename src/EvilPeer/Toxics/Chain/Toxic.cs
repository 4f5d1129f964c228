namespace ChaosFeatures.EvilPeer.Toxics.Chain;

/// <summary>
/// One toxic on one direction of one connection. The core is one method: take a chunk, pass
/// zero or more chunks to <c>next</c> (Toxiproxy's <c>Pipe</c>). Pacing toxics await inside it,
/// which is backpressure on the reader; delaying toxics only move a chunk's due time, so the
/// chain stays pipelined. The other members are optional abilities with no-op defaults.
/// </summary>
internal abstract class Toxic
{
    public abstract ValueTask OnDataAsync(Chunk chunk, ToxicContext context, IChunkSink next);

    /// <summary>A FIN or an in-band close travelling behind the data.</summary>
    public virtual ValueTask OnEndAsync(Chunk end, ToxicContext context, IChunkSink next) => next.SendAsync(end);

    /// <summary>Joined a live direction: at connection start, or added mid-connection.</summary>
    public virtual void OnAttach(ToxicContext context) { }

    /// <summary>
    /// True when removing the toxic for good (not replacing it) must end the connection, because
    /// what it did cannot be undone: the timeout toxic dropped data, so letting the stream flow on
    /// would hand the peer a stream with a hole (Toxiproxy's timeout Cleanup closes it too).
    /// </summary>
    public virtual bool ClosesConnectionWhenRemoved => false;

    /// <summary>Removed, replaced, or the connection ended: release timers.</summary>
    public virtual void OnDetach() { }
}
