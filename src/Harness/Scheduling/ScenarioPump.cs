namespace ChaosFeatures.Harness.Scheduling;

/// <summary>
/// The ready queue and the ONE drain that empties it: every continuation of every scenario task lands
/// here, and the policy picks which runs next. The drain runs on a thread-pool thread while anything is
/// ready, one at a time, so scenario code still runs on one thread at a time in the policy's order; a
/// dedicated thread per scenario would cost a thread start (about 1 ms here) for every scenario.
/// After <see cref="Stop"/>, late continuations run on the thread pool so nothing waits forever on a dead pump.
/// </summary>
internal sealed class ScenarioPump
{
    private readonly ISchedulingPolicy _policy;
    private readonly Action<SchedulerDecision>? _onDecision;
    private readonly object _gate = new();
    private readonly List<WorkItem> _ready = [];
    private readonly List<string> _errors = [];
    /// <summary>Set while no drain runs: what <see cref="Stop"/> waits for.</summary>
    private readonly ManualResetEventSlim _idle = new(initialState: true);
    private Thread? _drainThread;
    private long _step;
    private bool _draining;
    private bool _stopped;
#if _FUZZ
    private readonly FuzzPerturbation _perturbation;
#endif

    public ScenarioPump(ISchedulingPolicy policy, ulong seed, Action<SchedulerDecision>? onDecision)
    {
        (_policy, _onDecision) = (policy, onDecision);
#if _FUZZ
        _perturbation = new FuzzPerturbation(seed);
#endif
    }

    /// <summary>True on the thread running the drain right now (scenario code runs there, and may be inlined there).</summary>
    public bool IsCurrentThread => Volatile.Read(ref _drainThread) == Thread.CurrentThread;

    /// <summary>Taking work, or still running a continuation after <see cref="Stop"/> gave up waiting for it.</summary>
    public bool Alive
    {
        get { lock (_gate) return !_stopped || _draining; }
    }

    /// <summary>Continuations that threw (an async void, a callback): reported with the orphans.</summary>
    public IReadOnlyList<string> Errors
    {
        get { lock (_gate) return _errors.ToArray(); }
    }

    public void Enqueue(WorkItem item)
    {
        bool startDrain;
        lock (_gate)
        {
            if (_stopped)
                startDrain = false;
            else
            {
                _ready.Add(item);
                if (_draining) return;
                _draining = startDrain = true;
                _idle.Reset();
            }
        }
        if (startDrain)
            ThreadPool.UnsafeQueueUserWorkItem(static pump => pump.Drain(), this, preferLocal: false);
        else
            ThreadPool.UnsafeQueueUserWorkItem(w => Run(w, onPump: false), item, preferLocal: false);
    }

    /// <summary>Stops picking, waits (bounded) for the continuation running now and hands what was still queued to the pool.</summary>
    public void Stop(TimeSpan bound)
    {
        WorkItem[] leftovers;
        lock (_gate)
        {
            _stopped = true;
            leftovers = _ready.ToArray();
            _ready.Clear();
        }
        if (!IsCurrentThread) _idle.Wait(bound);
        foreach (var item in leftovers) ThreadPool.UnsafeQueueUserWorkItem(w => Run(w, onPump: false), item, preferLocal: false);
    }

    private void Drain()
    {
        var context = SynchronizationContext.Current;
        var thread = Thread.CurrentThread;
        lock (_gate) _drainThread = thread;
        try
        {
            while (Next() is var (item, decision))
            {
                _onDecision?.Invoke(decision);
                Run(item, onPump: true);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
            lock (_gate)
                if (_drainThread == thread) EndDrain(); // only when a throwing decision callback left the loop early
        }
    }

    /// <summary>
    /// The policy's pick among what is ready, or null when nothing is: the drain then ends, under the same lock as
    /// the check, so an enqueue either lands before it (and is picked) or starts the next drain.
    /// </summary>
    private (WorkItem, SchedulerDecision)? Next()
    {
        lock (_gate)
        {
#if _FUZZ
            // Wait releases the gate, so completions arriving meanwhile join the choice.
            if (_ready.Count > 0 && !_stopped && _perturbation.ShouldPause()) Monitor.Wait(_gate, FuzzPerturbation.Pause);
#endif
            if (_ready.Count == 0 || _stopped)
            {
                EndDrain();
                return null;
            }
            var index = _policy.Pick(_ready);
            var item = _ready[index];
            _ready.RemoveAt(index);
            return (item, new SchedulerDecision(++_step, item.Owner.Name, _ready.Count + 1, index));
        }
    }

    /// <summary>Under the gate.</summary>
    private void EndDrain()
    {
        _drainThread = null;
        _draining = false;
        _idle.Set();
    }

    private void Run(WorkItem item, bool onPump)
    {
        if (onPump) SynchronizationContext.SetSynchronizationContext(item.Owner.Context);
        try { item.Callback(item.State); }
        catch (Exception e)
        {
            lock (_gate) _errors.Add($"a continuation of task '{item.Owner.Name}' threw {e.GetType().Name}: {e.Message}");
        }
    }
}
