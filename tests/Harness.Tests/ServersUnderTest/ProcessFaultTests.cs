using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Hold;
using ChaosFeatures.EvilPeer.EvilClients.Slowloris;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Harness.ServersUnderTest.Probes;

namespace ChaosFeatures.Harness.Tests.ServersUnderTest;

/// <summary>Signals to the sample server, for real: graceful stop, forced stop, kill mid-transfer, pause and resume.</summary>
public sealed class ProcessFaultTests
{
    private static readonly TimeSpan Bound = Processes.Bound;

    private static Task<ServerUnderTest> StartAsync(params string[] arguments) =>
        ServerUnderTest.StartAsync(new ServerUnderTestOptions("S", ServerCommands.LengthPrefixed(arguments), probe: LengthPrefixedProbe.Default));

    /// <summary>A header for a frame of <paramref name="declared"/> bytes followed by that many zero bytes.</summary>
    private static byte[] Frame(int declared)
    {
        var frame = new byte[4 + declared];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)declared);
        return frame;
    }

    [Fact]
    public async Task Sigterm_stops_it_gracefully_with_exit_0_closing_idle_connections()
    {
        await using ServerUnderTest server = await StartAsync();
        await using var idle = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(60_000), connections: 10));
        await idle.Stats.WaitUntilAsync(s => s.Open == 10, "10 open", Bound);
        await server.WaitUntilAsync(s => s.Established >= 10, "holding 10", Bound);

        ServerExit exit = await server.SignalAndWaitForExitAsync(ServerSignal.Terminate, TimeSpan.FromSeconds(10));
        EvilClientReport report = await idle.WaitAsync(Bound);

        exit.Code.Should().Be(0);
        exit.LastSignal.Should().Be(ServerSignal.Terminate);
        exit.AfterSignal.Should().BeLessThan(TimeSpan.FromSeconds(5), exit.ToString());
        report.Count(ConnectionEnd.ServerClosed).Should().Be(10, "idle connections are closed with FIN at shutdown");
        server.StderrTail().Should().Contain("lengthprefixed-server: stopped");
    }

    [Fact]
    public async Task Sigterm_waits_for_a_frame_in_flight_and_a_second_sigterm_forces_exit_2()
    {
        await using ServerUnderTest server = await StartAsync("--frame-timeout", "60000", "--drain-timeout", "30000");
        // A frame mid-way: 1000 bytes at 50 B/s keeps the server draining for ~20 s.
        await using var slow = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new SlowlorisBehaviour(Frame(996), bytesPerSecond: 50, chunkBytes: 5)));
        await slow.Stats.WaitUntilAsync(s => s.BytesSent >= 10, "mid-frame", Bound);
        await server.WaitUntilAsync(s => s.Established == 1, "accepted (not just queued in the backlog)", Bound);

        server.Signal(ServerSignal.Terminate);
        Func<Task> firstOnly = () => server.WaitForExitAsync(TimeSpan.FromSeconds(1));
        (await firstOnly.Should().ThrowAsync<TimeoutException>()).Which.Message.Should()
            .StartWith($"server S (pid {server.ProcessId}) did not exit within 1000 ms of SIGTERM; now: pid {server.ProcessId} alive");
        ServerExit exit = await server.SignalAndWaitForExitAsync(ServerSignal.Terminate, TimeSpan.FromSeconds(10));

        exit.Code.Should().Be(2, "a second signal while draining exits at once");
        exit.AfterSignal.Should().BeLessThan(TimeSpan.FromSeconds(5));
        server.StderrTail().Should().Contain("second SIGTERM, exiting now with 1 connection(s) open");
    }

    [Fact]
    public async Task A_drain_that_outlasts_its_timeout_exits_1()
    {
        await using ServerUnderTest server = await StartAsync("--frame-timeout", "60000", "--drain-timeout", "500");
        await using var slow = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new SlowlorisBehaviour(Frame(996), bytesPerSecond: 50, chunkBytes: 5)));
        await slow.Stats.WaitUntilAsync(s => s.BytesSent >= 10, "mid-frame", Bound);
        await server.WaitUntilAsync(s => s.Established == 1, "accepted (not just queued in the backlog)", Bound);

        ServerExit exit = await server.SignalAndWaitForExitAsync(ServerSignal.Interrupt, TimeSpan.FromSeconds(10));

        exit.Code.Should().Be(1);
        exit.AfterSignal.Should().BeGreaterThan(TimeSpan.FromMilliseconds(450)).And.BeLessThan(TimeSpan.FromSeconds(8));
        (await slow.WaitAsync(Bound)).Connections.Single().EndedByServer.Should().BeTrue();
    }

    [Fact]
    public async Task Sigkill_mid_transfer_resets_the_client_and_the_exit_says_so()
    {
        await using ServerUnderTest server = await StartAsync("--frame-timeout", "60000", "--max-frame", "1000000");
        await using var upload = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new SlowlorisBehaviour(Frame(500_000), bytesPerSecond: 100_000, chunkBytes: 1000)));
        await upload.Stats.WaitUntilAsync(s => s.BytesSent >= 50_000, "50 KB into the frame", Bound);

        ServerExit exit = await server.SignalAndWaitForExitAsync(ServerSignal.Kill, TimeSpan.FromSeconds(10));
        ConnectionResult c = (await upload.WaitAsync(Bound)).Connections.Single();

        exit.Code.Should().Be(137);
        exit.KilledBy.Should().Be(ServerSignal.Kill);
        // The kernel closes a killed process's sockets: RST when unread bytes sat in its receive queue,
        // else FIN (and RST for the bytes that follow); which one depends on the instant of the kill.
        c.End.Should().BeOneOf(ConnectionEnd.ServerReset, ConnectionEnd.ServerClosed);
        c.Lifetime.Should().BeLessThan(TimeSpan.FromSeconds(4), "the upload ended with the kill, not after its 5 s");
        c.BytesSent.Should().BeLessThan(500_004);
        server.Snapshot().Alive.Should().BeFalse();
        Func<Task> again = async () => server.Signal(ServerSignal.Terminate);
        (await again.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should()
            .StartWith("server S: cannot send SIGTERM, it has already exited (exit code 137 (SIGKILL)");
    }

    [Fact]
    public async Task Sigstop_makes_a_legitimate_client_time_out_and_sigcont_recovers_it()
    {
        await using ServerUnderTest server = await StartAsync();
        (await server.ProbeAsync(TimeSpan.FromSeconds(5))).ThrowIfNotAnswered();

        server.Signal(ServerSignal.Stop);
        ServerSnapshot stopped = await server.WaitUntilAsync(s => s.Stopped, "stopped", Bound);
        ProbeResult paused = await server.ProbeAsync(TimeSpan.FromMilliseconds(500));
        ProbeResult connectOnly = await server.ProbeAsync(TimeSpan.FromSeconds(2), ConnectProbe.Instance);
        server.Signal(ServerSignal.Continue);
        ProbeResult resumed = await server.ProbeAsync(TimeSpan.FromSeconds(5));

        stopped.State.Should().Be('T');
        paused.Answered.Should().BeFalse();
        paused.Failure.Should().Be("no answer in time (it is stopped)");
        paused.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(450));
        resumed.Answered.Should().BeTrue(resumed.ToString());
        server.HasExited.Should().BeFalse();
        connectOnly.Answered.Should().BeTrue("the kernel completes handshakes for a stopped process: a bare connect cannot see the pause");
    }
}
