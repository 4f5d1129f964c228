using System.Collections.Concurrent;

namespace ChaosFeatures.Control.Model;

/// <summary>
/// The one thread every API call runs its work on, in arrival order. It is not a thread-pool
/// thread, so a call never queues behind the proxies' pumps when 1,000 connections keep the pool
/// busy, and it may block briefly (closing sockets) without stalling the socket engine the
/// request came in on. Continuations stay on it, so the response is written from here as well.
/// </summary>
internal sealed class ControlLoop : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public ControlLoop()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "control-api" };
        _thread.Start();
    }

    public Task<T> RunAsync<T>(Func<T> work)
    {
        // Synchronous continuations on purpose: the caller resumes here, not in the busy pool.
        var done = new TaskCompletionSource<T>();
        try
        {
            _work.Add(() =>
            {
                try
                {
                    done.SetResult(work());
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            });
        }
        catch (InvalidOperationException)
        {
            done.SetException(new ObjectDisposedException(nameof(ControlLoop)));
        }
        return done.Task;
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        if (Thread.CurrentThread != _thread) _thread.Join(TimeSpan.FromSeconds(10));
        _work.Dispose();
    }

    private void Run()
    {
        foreach (Action work in _work.GetConsumingEnumerable()) work();
    }
}
