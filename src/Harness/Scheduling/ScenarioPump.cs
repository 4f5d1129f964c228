namespace ChaosFeatures.Harness.Scheduling;

/// <summary>
/// The ready queue and the ONE thread that drains it: every continuation of every scenario task
/// lands here, and the policy picks which runs next. After <see cref="Stop"/>, late continuations
/// run on the thread pool so nothing waits forever on a dead pump.
/// </summary>
internal sealed class ScenarioPump
{
    private readonly ISchedulingPolicy _policy;
    private readonly Action<SchedulerDecision>? _onDecision;
    private readonly object _gate = new();
    private readonly List<WorkItem> _ready = [];
    private readonly List<string> _errors = [];
    private readonly Thread _thread;
    private long _step;
    private bool _stopped;
#if _FUZZ
    private readonly FuzzPerturbation _perturbation;
#endif

    public ScenarioPump(ISchedulingPolicy policy, ulong seed, Action<SchedulerDecision>? onDecision, string name)
    {
        (_policy, _onDecision) = (policy, onDecision);
#if _FUZZ
        _perturbation = new FuzzPerturbation(seed);
#endif
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public bool IsCurrentThread => Thread.CurrentThread == _thread;
    public bool Alive => _thread.IsAlive;

    /// <summary>Continuations that threw (an async void, a callback): reported with the orphans.</summary>
    public IReadOnlyList<string> Errors
    {
        get { lock (_gate) return _errors.ToArray(); }
    }

    public void Enqueue(WorkItem item)
    {
        lock (_gate)
        {
            if (!_stopped)
            {
                _ready.Add(item);
                Monitor.Pulse(_gate);
                return;
            }
        }
        ThreadPool.UnsafeQueueUserWorkItem(w => Run(w, onPump: false), item, preferLocal: false);
    }

    /// <summary>Stops picking, joins the thread (bounded) and hands what was still queued to the pool.</summary>
    public void Stop(TimeSpan bound)
    {
        WorkItem[] leftovers;
        lock (_gate)
        {
            _stopped = true;
            leftovers = _ready.ToArray();
            _ready.Clear();
            Monitor.PulseAll(_gate);
        }
        if (!IsCurrentThread) _thread.Join(bound);
        foreach (var item in leftovers) ThreadPool.UnsafeQueueUserWorkItem(w => Run(w, onPump: false), item, preferLocal: false);
    }

    private void Loop()
    {
        while (true)
        {
            WorkItem item;
            SchedulerDecision decision;
            lock (_gate)
            {
                while (_ready.Count == 0 && !_stopped) Monitor.Wait(_gate);
                if (_stopped) return;
#if _FUZZ
                // Wait releases the gate, so completions arriving meanwhile join the choice.
                if (_perturbation.ShouldPause()) Monitor.Wait(_gate, FuzzPerturbation.Pause);
                if (_stopped) return;
#endif
                var index = _policy.Pick(_ready);
                item = _ready[index];
                _ready.RemoveAt(index);
                decision = new SchedulerDecision(++_step, item.Owner.Name, _ready.Count + 1, index);
            }
            _onDecision?.Invoke(decision);
            Run(item, onPump: true);
        }
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
