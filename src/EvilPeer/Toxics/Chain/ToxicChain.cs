using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.EvilPeer.Toxics.Chain;

/// <summary>
/// The toxics of one direction of one connection, as an immutable snapshot that the reader
/// picks up between chunks. The reader itself is the permanent head, so a change never has to
/// interrupt a running stage: it swaps the snapshot, detaches what left (whose waits then end
/// and pass their chunk on) and redraws toxicity. It never waits for data to drain, so the
/// control call returns at once, however slow the toxics are.
/// </summary>
internal sealed class ToxicChain(ChainIdentity identity, IChunkSink tail)
{
    private readonly Lock _gate = new();
    private ToxicStage[] _stages = [];

    public ToxicStage[] Stages => Volatile.Read(ref _stages);

    /// <summary>Makes the chain match <paramref name="toxics"/> (this direction's, in order). Returns true if a toxic left or changed.</summary>
    public bool Apply(IReadOnlyList<ToxicOptions> toxics, long bytesSoFar)
    {
        lock (_gate)
        {
            if (identity.ConnectionClosed.IsCancellationRequested) return false; // DetachAll already ran
            // Plain loops, no LINQ: a control call runs this once per live connection (1,000 of them under load).
            ToxicStage[] old = _stages;
            var next = new ToxicStage[toxics.Count];
            bool[] kept = new bool[old.Length];
            int added = 0;
            for (int i = 0; i < toxics.Count; i++)
            {
                int found = IndexOf(old, toxics[i]);
                if (found >= 0) kept[found] = true;
                else added++;
                next[i] = found >= 0 ? old[found] : Create(toxics[i], bytesSoFar);
            }
            for (int i = next.Length - 1; i >= 0; i--) next[i].Next = i + 1 < next.Length ? next[i + 1] : tail;

            bool removedAny = false;
            for (int i = 0; i < old.Length; i++)
            {
                if (kept[i]) continue;
                removedAny = true;
                if (old[i].ClosesConnectionWhenRemoved && !HasName(toxics, old[i].Options.ResolvedName))
                {
                    // Before the new snapshot is published, so no byte slips past the hole the toxic left.
                    // Closing detaches every stage of the old snapshot (the lock is re-entrant).
                    identity.Host.CloseConnection(CloseMode.Fin, $"{old[i].Options.ResolvedName}: removed (its dropped data cannot be undone)");
                    return false;
                }
            }
            Volatile.Write(ref _stages, next);
            for (int i = 0; i < old.Length; i++) if (!kept[i]) old[i].Detach();
            foreach (ToxicStage stage in next) Draw(stage);
            if (added > 0)
                for (int i = 0; i < next.Length; i++) if (IndexOf(old, next[i].Options) < 0) next[i].Attach();
            return removedAny;
        }
    }

    private static int IndexOf(ToxicStage[] stages, ToxicOptions options)
    {
        for (int i = 0; i < stages.Length; i++) if (ReferenceEquals(stages[i].Options, options)) return i;
        return -1;
    }

    private static bool HasName(IReadOnlyList<ToxicOptions> toxics, string name)
    {
        for (int i = 0; i < toxics.Count; i++) if (toxics[i].ResolvedName == name) return true;
        return false;
    }

    /// <summary>The connection ended: stop every timer.</summary>
    public void DetachAll()
    {
        lock (_gate)
        {
            foreach (ToxicStage stage in _stages) stage.Detach();
            Volatile.Write(ref _stages, []);
        }
    }

    private ToxicStage Create(ToxicOptions options, long bytesSoFar)
    {
        string name = options.ResolvedName;
        var context = new ToxicContext(name, bytesSoFar, identity.Time,
            new SplitMix64(identity.SeedFor(name, "effect")), identity.Host, identity.ConnectionClosed);
        return new ToxicStage(options, options.CreateToxic(), context, new SplitMix64(identity.SeedFor(name, "toxicity")));
    }

    private void Draw(ToxicStage stage)
    {
        double draw = stage.Redraw();
        if (identity.Host.Events is null) return;
        identity.Host.Emit(PeerEventNames.Toxic,
        [
            new("toxic", stage.Options.ResolvedName),
            new("type", stage.Options.Type),
            new("stream", ToxicOptions.StreamName(identity.Stream)),
            new("draw", draw),
            new("toxicity", stage.Options.Toxicity),
            new("active", stage.Context.IsActive),
        ]);
    }
}
