using System.Net.Sockets;
using System.Text;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.DeclaredFrame;
using ChaosFeatures.EvilPeer.EvilClients.Hold;
using ChaosFeatures.EvilPeer.EvilClients.Noise;
using ChaosFeatures.EvilPeer.EvilClients.Slowloris;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Harness.ServersUnderTest.Probes;
using ChaosFeatures.Harness.Tests.Servers;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Harness.Tests.ServersUnderTest;

/// <summary>Debian's redis-server as a second target: its maxclients, timeout and output-buffer limits, observed for real.</summary>
public sealed class RedisAttackTests
{
    private const string Install = ServerCommands.RedisInstall;
    private static readonly TimeSpan Bound = Processes.Bound;

    private static Task<ServerUnderTest> StartAsync(int maxClients = 10_000, int idleTimeoutSeconds = 0, string? outputLimit = null) =>
        ServerUnderTest.StartAsync(new ServerUnderTestOptions("R", ServerCommands.Redis(maxClients, idleTimeoutSeconds, outputLimit), probe: LineProbe.RedisPing));

    private static string Text(ConnectionResult c) => Encoding.ASCII.GetString(c.ReplyHead.Span);

    [RequiresToolFact(Install, ServerCommands.RedisProgram)]
    public async Task Past_maxclients_the_extra_clients_and_a_legitimate_one_get_the_error_and_the_slots_come_back()
    {
        await using ServerUnderTest redis = await StartAsync(maxClients: 10);
        await using var flood = EvilClient.Start(new EvilClientOptions("E", redis.EndPoint, new HoldBehaviour(60_000), connections: 12));
        await flood.Stats.WaitUntilAsync(s => s.Open + s.ServerClosed + s.ServerResets == 12 && s.Open <= 10, "12 connected, at most 10 kept", Bound);

        ProbeResult during = await redis.ProbeAsync(TimeSpan.FromSeconds(5));
        EvilClientReport report = await flood.StopAsync();
        // Redis frees a slot only when its event loop reads the flood's FIN, a moment after the client closed: a probe
        // sent at once can still meet the full house (seen in CI), so the slots come back soon, not at once.
        ProbeResult after = await redis.WaitUntilAnswersAsync(TimeSpan.FromSeconds(10), perProbe: TimeSpan.FromSeconds(2));

        report.Connections.Where(c => c.EndedByServer).Should().HaveCount(2).And.OnlyContain(c => Text(c) == "-ERR max number of clients reached\r\n");
        during.Failure.Should().Be("expected \"+PONG\", got \"-ERR max number of clients reached\"");
        after.Answered.Should().BeTrue(after.ToString());
    }

    [RequiresToolFact(Install, ServerCommands.RedisProgram)]
    public async Task Its_idle_timeout_closes_silent_connections_and_descriptors_return()
    {
        await using ServerUnderTest redis = await StartAsync(idleTimeoutSeconds: 1);
        int baseline = redis.Snapshot().OpenFds;
        await using var flood = EvilClient.Start(new EvilClientOptions("E", redis.EndPoint, new HoldBehaviour(30_000), connections: 20));

        EvilClientReport report = await flood.WaitAsync(Bound);
        ServerSnapshot after = await redis.WaitForOpenFdsAsync(baseline, tolerance: 2, TimeSpan.FromSeconds(10));

        report.Count(ConnectionEnd.ServerClosed).Should().Be(20, "redis closes clients idle for longer than its timeout, with FIN");
        report.Connections.Should().OnlyContain(c => c.Lifetime > TimeSpan.FromMilliseconds(900) && c.Lifetime < TimeSpan.FromSeconds(10));
        after.Established.Should().Be(0);
    }

    [RequiresToolFact(Install, ServerCommands.RedisProgram)]
    public async Task A_slowloris_outlives_its_idle_timeout_because_every_byte_counts_as_activity()
    {
        await using ServerUnderTest redis = await StartAsync(idleTimeoutSeconds: 1);
        // An inline command that never ends: 2 bytes a second for 4 s, never a line end.
        var trickle = new SlowlorisBehaviour(Encoding.ASCII.GetBytes("GETRANGE"), bytesPerSecond: 2);

        await using var client = EvilClient.Start(new EvilClientOptions("E", redis.EndPoint, trickle));
        ConnectionResult c = (await client.WaitAsync(Bound)).Connections.Single();

        c.End.Should().Be(ConnectionEnd.ClosedByClient, "redis never cut it off");
        c.Lifetime.Should().BeGreaterThan(TimeSpan.FromSeconds(3), "well past the 1 s timeout");
    }

    [RequiresToolFact(Install, ServerCommands.RedisProgram)]
    public async Task A_bulk_length_past_its_limit_is_refused_on_the_header()
    {
        await using ServerUnderTest redis = await StartAsync();
        var attack = new DeclaredFrameBehaviour(FrameHeader.RespBulkString, 4L * 1024 * 1024 * 1024, holdMs: 10_000);

        await using var client = EvilClient.Start(new EvilClientOptions("E", redis.EndPoint, attack));
        ConnectionResult c = (await client.WaitAsync(Bound)).Connections.Single();

        Text(c).Should().Be("-ERR Protocol error: invalid bulk length\r\n");
        c.End.Should().Be(ConnectionEnd.ServerClosed);
        c.Lifetime.Should().BeLessThan(TimeSpan.FromSeconds(2));
        (await redis.ProbeAsync(TimeSpan.FromSeconds(2))).ThrowIfNotAnswered();
    }

    [RequiresToolFact(Install, ServerCommands.RedisProgram)]
    public async Task Random_bytes_up_to_its_inline_limit_are_buffered_silently_and_one_byte_more_is_refused()
    {
        // Seeded (17: picked so that exactly one of the five streams has a newline before its first NUL and no
        // quote before it), so these are always the same five streams. Redis looks for an inline command's end
        // with strchr, so a NUL before the first newline hides it: four of the five never see a line
        // end and sit in the query buffer until it passes PROTO_INLINE_MAX_SIZE (64 KiB).
        await using ServerUnderTest redis = await StartAsync();

        await using var atLimit = EvilClient.Start(new EvilClientOptions("E", redis.EndPoint, new RandomBytesBehaviour(64 * 1024, holdMs: 2000), connections: 5, seed: 17));
        EvilClientReport silent = await atLimit.WaitAsync(Bound);
        await using var pastLimit = EvilClient.Start(new EvilClientOptions("F", redis.EndPoint, new RandomBytesBehaviour(64 * 1024 + 1, holdMs: 2000), connections: 5, seed: 17));
        EvilClientReport refused = await pastLimit.WaitAsync(Bound);

        silent.Connections.Count(c => c.End == ConnectionEnd.ClosedByClient && c.BytesReceived == 0).Should().Be(4, "buffered without a word for the whole hold");
        silent.Connections.Should().ContainSingle(c => Text(c).StartsWith("-ERR unknown command", StringComparison.Ordinal));
        refused.Connections.Where(c => c.End == ConnectionEnd.ServerClosed).Should().HaveCount(4)
            .And.OnlyContain(c => Text(c) == "-ERR Protocol error: too big inline request\r\n");
        (await redis.ProbeAsync(TimeSpan.FromSeconds(2))).ThrowIfNotAnswered();
    }

    [RequiresToolFact(Install, ServerCommands.RedisProgram)]
    public async Task A_client_that_never_reads_its_replies_is_disconnected_by_the_output_buffer_limit()
    {
        await using ServerUnderTest redis = await StartAsync(outputLimit: "1mb 256kb 0");
        using (var setup = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            await setup.ConnectAsync(redis.EndPoint);
            await Resp.SendAsync(setup, Resp.Command("SET"u8.ToArray(), "big"u8.ToArray(), new byte[256 * 1024]));
            (await Resp.ReadLineAsync(setup)).Should().Be("+OK");
        }
        using var greedy = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await greedy.ConnectAsync(redis.EndPoint);

        // 200 GETs of 256 KiB = 50 MiB of replies, none read: far past the 1 MiB hard limit.
        byte[] get = Resp.Command("GET"u8.ToArray(), "big"u8.ToArray());
        await Resp.SendAsync(greedy, [.. Enumerable.Repeat(get, 200).SelectMany(b => b)]);
        var received = new byte[1024 * 1024];
        long total = 0;
        SocketError? end = null;
        using (var bound = new CancellationTokenSource(Bound))
        {
            try
            {
                int n;
                while ((n = await greedy.ReceiveAsync(received, SocketFlags.None, bound.Token)) > 0) total += n;
            }
            catch (SocketException e) { end = e.SocketErrorCode; }
        }

        total.Should().BeLessThan(200L * 256 * 1024 / 4, $"redis dropped the client long before its 50 MiB of replies (it got {total} bytes, then {end?.ToString() ?? "EOF"})");
        redis.StdoutTail().Should().Contain("scheduled to be closed ASAP for overcoming of output buffer limits");
    }

    [RequiresToolFact(Install, ServerCommands.RedisProgram)]
    public async Task Sigterm_exits_0_and_sigstop_then_sigcont_pauses_and_resumes_it()
    {
        await using ServerUnderTest redis = await StartAsync();

        redis.Signal(ServerSignal.Stop);
        await redis.WaitUntilAsync(s => s.Stopped, "stopped", Bound);
        ProbeResult paused = await redis.ProbeAsync(TimeSpan.FromMilliseconds(500));
        redis.Signal(ServerSignal.Continue);
        ProbeResult resumed = await redis.ProbeAsync(TimeSpan.FromSeconds(5));
        ServerExit exit = await redis.SignalAndWaitForExitAsync(ServerSignal.Terminate, TimeSpan.FromSeconds(10));

        paused.Failure.Should().Be("no answer in time (it is stopped)");
        resumed.Answered.Should().BeTrue(resumed.ToString());
        exit.Code.Should().Be(0);
        redis.StdoutTail().Should().Contain("Redis is now ready to exit, bye bye...");
    }
}
