using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Harness.Seeds;

namespace ChaosFeatures.Harness.Scheduling;

/// <summary>
/// Runs a scenario's named tasks like coroutines: every continuation of every task is posted to
/// one ready queue, and ONE pump runs them, one at a time, in the order the policy picks
/// (fifo, random:SEED, pct:SEED:DEPTH). Each pick is reported as a <see cref="SchedulerDecision"/>.
/// Dispose cancels what is left, lets it unwind (bounded) and stops the pump.
/// </summary>
public sealed class ScenarioScheduler : IDisposable
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private readonly Dictionary<string, ScenarioTask> _tasks = new(StringComparer.Ordinal);
    private readonly List<ScenarioTask> _started = [];
    private readonly ScenarioPump _pump;
    private bool _disposed;

    public ScenarioScheduler(SchedulerSpec spec, ulong seed, Action<SchedulerDecision>? onDecision = null)
    {
        Spec = spec;
        ISchedulingPolicy policy = spec.Kind switch
        {
            SchedulerKind.Random => new RandomPolicy(seed),
            SchedulerKind.Pct => new PctPolicy(seed, spec.Depth),
            _ => new FifoPolicy(),
        };
        _pump = new ScenarioPump(policy, seed, onDecision);
    }

    /// <summary>The scheduler for a test case: its policy from CHAOS_SCHED, its seed derived from the case id.</summary>
    public static ScenarioScheduler For(CaseSeeds seeds, Action<SchedulerDecision>? onDecision = null) =>
        new(seeds.Run.Scheduler, seeds.SchedulerSeed, onDecision);

    public SchedulerSpec Spec { get; }

    internal bool IsPumpThread => _pump.IsCurrentThread;
    internal bool PumpAlive => _pump.Alive;

    /// <summary>Starts task <paramref name="name"/>; <paramref name="body"/> gets the token that <see cref="Cancel"/> cancels.</summary>
    public void Start(string name, Func<CancellationToken, Task> body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var task = new ScenarioTask(this, name);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_tasks.TryAdd(name, task)) throw new ArgumentException($"scenario task '{name}' is already started", nameof(name));
            _started.Add(task);
        }
        var token = task.Cancellation.Token;
        var outer = new Task<Task>(() => body(token), CancellationToken.None, TaskCreationOptions.DenyChildAttach);
        task.Completion = outer.Unwrap();
        outer.Start(task.Scheduler);
    }

    /// <summary>"task K cancels task C": cancels C's token; C's continuations still run on the pump.</summary>
    public void Cancel(string name) => Get(name).Cancellation.Cancel();

    public ScenarioTaskStatus StatusOf(string name) => Get(name).Status;

    public IReadOnlyList<string> TaskNames
    {
        get { lock (_gate) return _started.Select(t => t.Name).ToArray(); }
    }

    /// <summary>Waits for the task to end (any way); throws <see cref="TimeoutException"/> naming it after <paramref name="bound"/>.</summary>
    public async Task<ScenarioTaskStatus> WaitAsync(string name, TimeSpan bound)
    {
        var task = Get(name);
        try { await Task.WhenAny(task.Completion).WaitAsync(bound).ConfigureAwait(false); }
        catch (TimeoutException) { throw new TimeoutException($"scenario task '{name}' still running after {bound.TotalMilliseconds:0} ms"); }
        return task.Status;
    }

    /// <summary>Waits for every started task; the timeout message names those still running.</summary>
    public async Task<IReadOnlyDictionary<string, ScenarioTaskStatus>> WaitAllAsync(TimeSpan bound)
    {
        ScenarioTask[] tasks;
        lock (_gate) tasks = _started.ToArray();
        try { await Task.WhenAny(Task.WhenAll(tasks.Select(t => Task.WhenAny(t.Completion)))).WaitAsync(bound).ConfigureAwait(false); }
        catch (TimeoutException)
        {
            var running = tasks.Where(t => t.Status == ScenarioTaskStatus.Running).Select(t => $"'{t.Name}'");
            throw new TimeoutException($"scenario tasks {string.Join(", ", running)} still running after {bound.TotalMilliseconds:0} ms");
        }
        return tasks.ToDictionary(t => t.Name, t => t.Status);
    }

    /// <summary>Every task neither completed nor cancelled (faulted ones with their exception), and continuations that threw.</summary>
    public IReadOnlyList<string> FindOrphans()
    {
        ScenarioTask[] tasks;
        lock (_gate) tasks = _started.ToArray();
        var problems = new List<string>();
        foreach (var task in tasks)
        {
            if (task.Status == ScenarioTaskStatus.Running) problems.Add($"task '{task.Name}' is still running");
            if (task.Status == ScenarioTaskStatus.Faulted) problems.Add($"task '{task.Name}' faulted: {task.Fault!.GetType().Name}: {task.Fault.Message}");
        }
        problems.AddRange(_pump.Errors);
        return problems;
    }

    /// <summary>Throws a <see cref="ChaosAssertionException"/> listing every orphan (see <see cref="FindOrphans"/>).</summary>
    public void CheckNoOrphans()
    {
        var problems = FindOrphans();
        if (problems.Count > 0) throw new ChaosAssertionException("orphan scenario tasks: " + string.Join("; ", problems));
    }

    internal void Enqueue(WorkItem item) => _pump.Enqueue(item);

    private ScenarioTask Get(string name)
    {
        lock (_gate)
        {
            if (_tasks.TryGetValue(name, out var task)) return task;
            var known = _started.Count == 0 ? "none started" : string.Join(", ", _started.Select(t => t.Name));
            throw new ArgumentException($"no scenario task '{name}'; known: {known}", nameof(name));
        }
    }

    public void Dispose() => Stop(StopBound);

    /// <summary>As <see cref="Dispose"/>, giving cancelled tasks and the pump <paramref name="bound"/> each to unwind (the end of a scenario passes what is left of its teardown).</summary>
    public void Stop(TimeSpan bound)
    {
        ScenarioTask[] tasks;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            tasks = _started.ToArray();
        }
        foreach (var task in tasks)
            try { task.Cancellation.Cancel(); } catch (AggregateException) { } // a callback's failure is the task's story, not Dispose's
        // Let cancelled tasks unwind on the pump first, so their finally blocks run as scenario code.
        if (!IsPumpThread) SpinWait.SpinUntil(() => tasks.All(t => t.Completion.IsCompleted), bound);
        _pump.Stop(bound);
        foreach (var task in tasks)
        {
            _ = task.Completion.Exception; // reported by FindOrphans; never an "unobserved" exception too
            if (task.Completion.IsCompleted) task.Cancellation.Dispose();
        }
    }
}
