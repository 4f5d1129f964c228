using System.Net;
using System.Net.Sockets;
using Reqnroll;

namespace ChaosFeatures.Steps.Tests.Bindings;

/// <summary>
/// Test-only: a peer whose stop hangs (it keeps its listening socket until released) and a task that ignores its
/// token, for the teardown budget to give up on, report, and leave to the test, which releases both once it has seen
/// the scenario end and then checks nothing of them is left.
/// </summary>
[Binding]
public sealed class HungTeardownSteps(ChaosContext chaos)
{
    private static TaskCompletionSource _release = NewRelease();
    private static int _peerPort;
    private static int _tasksRunning;
    private static long _stepsDoneAt;

    /// <summary>The hung peer's listen port, once it started.</summary>
    public static int PeerPort => Volatile.Read(ref _peerPort);

    /// <summary>When the last step ran (<see cref="TimeProvider.GetTimestamp"/> of the system clock): the teardown starts after it.</summary>
    public static long StepsDoneAt => Volatile.Read(ref _stepsDoneAt);

    /// <summary>Hung tasks whose work has not returned yet.</summary>
    public static int TasksRunning => Volatile.Read(ref _tasksRunning);

    [Given("peer {string} is a server that hangs when stopped")]
    public void HangsWhenStopped(string peer) => chaos.Server(peer, _ =>
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(4);
        var endPoint = (IPEndPoint)listener.LocalEndPoint!;
        Volatile.Write(ref _peerPort, endPoint.Port);
        return Task.FromResult<(IAsyncDisposable, IPEndPoint)>((new HungServer(listener, Volatile.Read(ref _release).Task), endPoint));
    });

    [When("peer {string} starts")]
    public Task Starts(string peer) => chaos.EndpointAsync(peer);

    [When("user task {string} hangs ignoring its token")]
    public void HangsIgnoringItsToken(string task)
    {
        var release = Volatile.Read(ref _release).Task;
        chaos.StartTask(task, "hang", async _ =>
        {
            Interlocked.Increment(ref _tasksRunning);
            try { await release; }
            finally { Interlocked.Decrement(ref _tasksRunning); }
        });
    }

    [Then("the steps are done")]
    public void StepsDone() => Volatile.Write(ref _stepsDoneAt, TimeProvider.System.GetTimestamp());

    public static void Release() => Interlocked.Exchange(ref _release, NewRelease()).TrySetResult();

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class HungServer(Socket listener, Task release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await release;
            listener.Dispose();
        }
    }
}
