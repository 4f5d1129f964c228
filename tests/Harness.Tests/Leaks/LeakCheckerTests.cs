using System.Net.Sockets;
using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Harness.Leaks;
using ChaosFeatures.Harness.Scheduling;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Harness.Tests.Leaks;

public sealed class LeakCheckerTests
{
    [Fact]
    public async Task A_leaked_client_socket_to_a_tracked_port_is_reported_until_it_is_closed()
    {
        if (LeakChecker.UnavailableReason is { } reason) { Assert.Fail($"this suite runs on Linux CI; {reason}"); }
        var checker = new LeakChecker();
        var leaked = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            int port;
            await using (var server = new LoopbackServer((_, _) => Task.CompletedTask)) // accepts, then closes its side
            {
                port = server.Port;
                checker.TrackPort(port);
                await leaked.ConnectAsync(server.EndPoint);
            }
            var result = await checker.CheckAsync(scheduler: null, grace: TimeSpan.FromMilliseconds(300));
            result.SkippedReason.Should().BeNull();
            result.Leaks.Should().ContainSingle().Which.Should()
                .Contain($"remote port {port}").And.Contain("state CLOSE_WAIT").And.Contain($"tracked ports {port}");
            FluentActions.Invoking(result.ThrowIfLeaks).Should().Throw<ChaosAssertionException>().WithMessage("left behind: leaked socket inode*");
        }
        finally { leaked.Dispose(); }

        (await checker.CheckAsync(scheduler: null)).Clean.Should().BeTrue();
    }

    [Fact]
    public async Task A_leaked_socket_that_a_stopping_peer_resets_is_still_reported()
    {
        if (LeakChecker.UnavailableReason is { } reason) { Assert.Fail($"this suite runs on Linux CI; {reason}"); }
        var checker = new LeakChecker();
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var leaked = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
            listener.Listen(8);
            var port = ((System.Net.IPEndPoint)listener.LocalEndPoint!).Port;
            checker.TrackPort(port);
            await leaked.ConnectAsync(listener.LocalEndPoint!); // completed by the kernel, never accepted

            checker.NoteSuspects();
            listener.Dispose(); // the connection still in the backlog gets an RST and leaves /proc/net/tcp

            var result = await checker.CheckAsync(scheduler: null, grace: TimeSpan.FromMilliseconds(300));
            result.Leaks.Should().ContainSingle().Which.Should().Contain($"remote port {port}").And.Contain("state reset since");
        }
        finally
        {
            listener.Dispose();
            leaked.Dispose();
        }

        (await checker.CheckAsync(scheduler: null)).Clean.Should().BeTrue();
    }

    [Fact]
    public async Task Orphan_tasks_are_part_of_the_check()
    {
        var checker = new LeakChecker();
        using var scheduler = new ScenarioScheduler(SchedulerSpec.Fifo, 0);
        scheduler.Start("C", ct => Task.Delay(Timeout.Infinite, ct));
        var result = await checker.CheckAsync(scheduler, TimeSpan.Zero);
        result.Leaks.Should().Contain("task 'C' is still running");
    }

    [Fact]
    public void Ports_are_validated() =>
        FluentActions.Invoking(() => new LeakChecker().TrackPort(0)).Should().Throw<ArgumentOutOfRangeException>();
}
