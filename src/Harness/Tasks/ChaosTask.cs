using ChaosFeatures.Harness.Scheduling;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>
/// A named scenario task ("C", "K"): a queue of actions run in order on the scenario scheduler.
/// When steps append; the task is idle once its queue is drained, and ends when the scenario seals
/// it. A cancel (from a killer) ends it at the action it interrupts; a cancel that arrives while it
/// is idle hits its next action, if any: like a finished coroutine, an idle task has nothing to cancel.
/// </summary>
public sealed class ChaosTask(string name)
{
    private readonly object _gate = new();
    private readonly Queue<TaskAction> _queue = new();
    private readonly List<TransferRecord> _transfers = [];
    private readonly List<string> _history = [];
    private TaskCompletionSource _idle = Done();
    private TaskCompletionSource? _wake;
    private bool _sealed, _ended;
    private string _endedAs = "running";

    public string Name { get; } = name;
    public TaskSettings Settings { get; } = new();

    /// <summary>The sum of the bounds of every action queued so far.</summary>
    public TimeSpan Budget { get; private set; }

    public bool Started { get; private set; }
    public bool Ended { get { lock (_gate) return _ended; } }

    public IReadOnlyList<TransferRecord> Transfers { get { lock (_gate) return [.. _transfers]; } }
    public TransferRecord? LastTransfer { get { lock (_gate) return _transfers.LastOrDefault(); } }

    /// <summary>What the task was asked to do, for messages: "download from EP, sleep 20 ms".</summary>
    public string History { get { lock (_gate) return _history.Count == 0 ? "nothing" : string.Join(", ", _history); } }

    /// <summary>Queues an action; returns true when this is the first, so the caller starts the task.</summary>
    public bool Enqueue(TaskAction action)
    {
        lock (_gate)
        {
            if (_ended || _sealed)
                throw new InvalidOperationException($"task \"{Name}\" has finished ({History}); use a new task name for more work");
            _queue.Enqueue(action);
            _history.Add(action.Description);
            Budget += action.Bound;
            if (_idle.Task.IsCompleted) _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _wake?.TrySetResult();
            _wake = null;
            var first = !Started;
            Started = true;
            return first;
        }
    }

    public void Record(TransferRecord transfer)
    {
        lock (_gate) _transfers.Add(transfer);
    }

    /// <summary>No more actions: the task ends once its queue is drained.</summary>
    public void Seal()
    {
        lock (_gate)
        {
            _sealed = true;
            _wake?.TrySetResult();
            _wake = null;
        }
    }

    /// <summary>Completes when the queue is drained or the task has ended (any way).</summary>
    public Task WhenIdle()
    {
        lock (_gate) return _ended ? Task.CompletedTask : _idle.Task;
    }

    /// <summary>The task's body on the scheduler. Awaits keep the scheduler's context on purpose: it orders the I/O.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                TaskAction? action;
                Task? more = null;
                lock (_gate)
                {
                    if (!_queue.TryDequeue(out action))
                    {
                        if (_sealed) _endedAs = "completed";
                        _idle.TrySetResult();
                        if (_sealed) return;
                        _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        more = _wake.Task;
                    }
                }
                if (action is null)
                {
                    await more!; // not cancellable: idle is "done so far", a cancel waits for the next action
                    continue;
                }
                cancellationToken.ThrowIfCancellationRequested();
                await action.RunAsync(this, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested(); // a transfer reports a cancel as its outcome; the task ends cancelled
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            EndAs("cancelled");
            throw;
        }
        catch
        {
            EndAs("faulted");
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _ended = true;
                _idle.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Where the task stands. An ended task answers from its own record: the scheduler marks the
    /// Task cancelled only after this method's finally has already woken the waiters.
    /// </summary>
    public string Describe(ScenarioScheduler scheduler)
    {
        if (!Started) return "never started";
        lock (_gate)
        {
            if (_ended) return _endedAs;
        }
        var status = scheduler.StatusOf(Name);
        return status == ScenarioTaskStatus.Running ? (WhenIdle().IsCompleted ? "idle" : "running") : status.ToString().ToLowerInvariant();
    }

    private void EndAs(string how)
    {
        lock (_gate) _endedAs = how;
    }

    private static TaskCompletionSource Done()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
