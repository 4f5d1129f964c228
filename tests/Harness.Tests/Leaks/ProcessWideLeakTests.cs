using System.Net;
using System.Net.Sockets;
using ChaosFeatures.Harness.Leaks;
using ChaosFeatures.Harness.Tests.Support;

namespace ChaosFeatures.Harness.Tests.Leaks;

[Collection(SerialCollection.Name)] // process-wide counts: nothing else may open sockets or drop tasks meanwhile
public sealed class ProcessWideLeakTests
{
    [Fact]
    public async Task Baseline_counts_this_process_sockets()
    {
        var baseline = ProcessSocketBaseline.Capture();
        baseline.Should().NotBeNull(LeakChecker.UnavailableReason);
        var extra = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        extra.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        try
        {
            var result = await baseline!.CheckAsync(TimeSpan.FromMilliseconds(200));
            result.Leaks.Should().ContainSingle().Which.Should().Contain("1 more than the baseline");
        }
        finally { extra.Dispose(); }
        (await baseline.CheckAsync()).Clean.Should().BeTrue();
    }

    [Fact]
    public async Task Unobserved_task_exceptions_are_counted_after_a_forced_collection()
    {
        var checker = new LeakChecker();
        DropFaultedTask();
        var result = await checker.CheckAsync(scheduler: null, TimeSpan.Zero, collectGarbage: true);
        result.Leaks.Should().ContainSingle(l => l.Contains("unobserved task exception")).Which.Should().Contain("InvalidOperationException: dropped");
        (await new LeakChecker().CheckAsync(scheduler: null, TimeSpan.Zero, collectGarbage: true)).Clean.Should().BeTrue();
        UnobservedTaskExceptions.CollectUnreported().Should().BeEmpty("the check reported it already");
    }

    [Fact]
    public async Task Without_a_forced_collection_the_run_end_reports_the_exception_once()
    {
        var checker = new LeakChecker();
        DropFaultedTask();
        var atCaseEnd = await checker.CheckAsync(scheduler: null, TimeSpan.Zero); // only what already surfaced, if a collection happened to run
        var atRunEnd = UnobservedTaskExceptions.CollectUnreported();
        atCaseEnd.Leaks.Concat(atRunEnd).Should().ContainSingle().Which.Should().Contain("InvalidOperationException: dropped");
        UnobservedTaskExceptions.CollectUnreported().Should().BeEmpty("reported once");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void DropFaultedTask()
    {
        var dropped = Task.Run(() => throw new InvalidOperationException("dropped"));
        SpinWait.SpinUntil(() => dropped.IsCompleted, TimeSpan.FromSeconds(10)); // completes without anyone observing the fault
    }
}
