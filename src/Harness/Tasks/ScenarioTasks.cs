using System.Collections.Concurrent;
using ChaosFeatures.Harness.Scheduling;
using ChaosFeatures.Harness.Teardown;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>
/// The scenario's named tasks on one <see cref="ScenarioScheduler"/>, created on the first action
/// (so a pinned seeds step still decides its policy). Every wait here is bounded by the tasks'
/// budgets plus <see cref="Slack"/>.
/// </summary>
public sealed class ScenarioTasks(Lazy<ScenarioScheduler> scheduler)
{
    /// <summary>Added to a task's budget when waiting for it: scheduling and socket teardown take a little time too.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    /// <summary>How long tasks get to end once sealed (or cancelled) at the end of a scenario.</summary>
    private static readonly TimeSpan EndBound = TimeSpan.FromSeconds(2);

    /// <summary>How long orphans, cancelled once found, get to unwind before the scheduler's pump stops under them.</summary>
    private static readonly TimeSpan OrphanUnwind = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, ChaosTask> _tasks = new(StringComparer.Ordinal);

    public ScenarioScheduler Scheduler => scheduler.Value;

    /// <summary>The task called <paramref name="name"/>, created on first mention (a Given may configure it before it runs).</summary>
    public ChaosTask Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _tasks.GetOrAdd(name, n => new ChaosTask(n));
    }

    /// <summary>A task that has run or is running; an assertion about any other is a mistake in the feature.</summary>
    public ChaosTask Started(string name) => _tasks.TryGetValue(name, out var task) && task.Started
        ? task
        : throw new InvalidOperationException($"task \"{name}\" never ran; tasks that ran: {Known()}");

    public void Enqueue(string name, TaskAction action)
    {
        var task = Get(name);
        if (task.Enqueue(action)) Scheduler.Start(name, task.RunAsync);
    }

    /// <summary>The killer's move: cancels <paramref name="name"/>'s token; its current action sees it.</summary>
    public void Cancel(string name) => Scheduler.Cancel(Started(name).Name);

    /// <summary>Waits until the named tasks have drained their queues (or ended), bounded by their budgets.</summary>
    public async Task WaitIdleAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        foreach (var task in names.Select(Started))
        {
            var bound = task.Budget + Slack;
            try { await task.WhenIdle().WaitAsync(bound, cancellationToken); }
            catch (TimeoutException)
            {
                throw new TimeoutException($"task \"{task.Name}\" still {task.Describe(Scheduler)} after {bound.TotalMilliseconds:0} ms (its actions: {task.History})");
            }
        }
    }

    public Task WaitAllIdleAsync(CancellationToken cancellationToken) =>
        WaitIdleAsync(_tasks.Values.Where(t => t.Started).Select(t => t.Name).ToArray(), cancellationToken);

    /// <summary>
    /// Ends every task (cancelling them first when <paramref name="abort"/>), reports orphans — tasks
    /// still running after a short bound, faulted tasks, continuations that threw — and stops the scheduler,
    /// all within what is left of <paramref name="budget"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> EndAllAsync(bool abort, TeardownBudget budget)
    {
        if (!scheduler.IsValueCreated) return [];
        var sched = scheduler.Value;
        foreach (var task in _tasks.Values) task.Seal();
        if (abort)
            foreach (var task in _tasks.Values.Where(t => t.Started && !t.Ended)) sched.Cancel(task.Name);
        try { await sched.WaitAllAsync(budget.Bound(EndBound)); }
        catch (TimeoutException) { } // named by FindOrphans below
        var orphans = sched.FindOrphans();
        // A task still running now ignored its token (or was never cancelled): stopping cancels it, and waits
        // for it only within what is left of the stage, as an orphan is already reported.
        sched.Stop(budget.Bound(orphans.Count == 0 ? EndBound : OrphanUnwind));
        return orphans;
    }

    private string Known()
    {
        var started = _tasks.Values.Where(t => t.Started).Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        return started.Length == 0 ? "none" : string.Join(", ", started);
    }
}
