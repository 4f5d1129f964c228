using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>
/// Starts host processes from one dedicated, never-ending thread. The host arms
/// PR_SET_PDEATHSIG, which Linux fires when the *thread* that forked it exits, not the process:
/// forking from a thread-pool thread that later retires would kill a healthy host. This thread
/// lives exactly as long as our process.
/// </summary>
internal static class ProcessSpawner
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Requests = new();

    static ProcessSpawner()
    {
        new Thread(Run) { IsBackground = true, Name = "evilpeer-spawner" }.Start();
    }

    public static Task<Process> StartAsync(ProcessStartInfo info)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, started));
        return started.Task;
    }

    private static void Run()
    {
        foreach (var (info, started) in Requests.GetConsumingEnumerable())
        {
            try { started.SetResult(Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}")); }
            catch (Exception e) { started.SetException(e); }
        }
    }
}
