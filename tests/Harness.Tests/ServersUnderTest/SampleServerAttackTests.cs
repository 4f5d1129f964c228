using System.Text;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Churn;
using ChaosFeatures.EvilPeer.EvilClients.DeclaredFrame;
using ChaosFeatures.EvilPeer.EvilClients.HalfClose;
using ChaosFeatures.EvilPeer.EvilClients.Hold;
using ChaosFeatures.EvilPeer.EvilClients.Slowloris;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Harness.ServersUnderTest.Probes;

namespace ChaosFeatures.Harness.Tests.ServersUnderTest;

/// <summary>The evil client against the sample length-prefixed server, for real: what it does under each attack.</summary>
public sealed class SampleServerAttackTests
{
    private static readonly TimeSpan Bound = Processes.Bound;

    private static Task<ServerUnderTest> StartAsync(params string[] arguments) =>
        ServerUnderTest.StartAsync(new ServerUnderTestOptions("S", ServerCommands.LengthPrefixed(arguments), probe: LengthPrefixedProbe.Default));

    private static byte[] Frame(int declared, int bodyBytes)
    {
        var frame = new byte[4 + bodyBytes];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)declared);
        return frame;
    }

    /// <summary>Descriptors once the server has served a client and is idle (see <see cref="ServerUnderTest.TakeBaselineAsync"/>).</summary>
    private static async Task<int> WarmBaselineAsync(ServerUnderTest server) => (await server.TakeBaselineAsync(Bound)).OpenFds;

    private static string Reply(ConnectionResult c) => c.ReplyHead.Length > 5 ? Encoding.UTF8.GetString(c.ReplyHead.Span[5..]) : "";

    [Fact]
    public async Task The_planted_bug_an_oversized_header_is_not_refused_until_the_frame_timeout()
    {
        // What a chaos plan asks: "an oversized message is rejected on its size header, before buffering".
        await using ServerUnderTest buggy = await StartAsync("--frame-timeout", "3000");
        await using ServerUnderTest fixedServer = await StartAsync("--frame-timeout", "3000", "--size-check", "early");
        var attack = new DeclaredFrameBehaviour(FrameHeader.UInt32BigEndian, uint.MaxValue, holdMs: 10_000);

        await using var onFixed = EvilClient.Start(new EvilClientOptions("E", fixedServer.EndPoint, attack));
        ConnectionResult refused = (await onFixed.WaitAsync(Bound)).Connections.Single();
        await using var onBuggy = EvilClient.Start(new EvilClientOptions("E", buggy.EndPoint, attack));
        ConnectionResult believed = (await onBuggy.WaitAsync(Bound)).Connections.Single();

        refused.End.Should().Be(ConnectionEnd.ServerClosed);
        Reply(refused).Should().Be("frame of 4294967295 bytes exceeds the limit of 65536 bytes");
        refused.Lifetime.Should().BeLessThan(TimeSpan.FromSeconds(1), "the fixed server refuses at the header");

        Reply(believed).Should().Be("frame not complete within 3000 ms", "the buggy server believed the header and waited for 4 GB");
        believed.Lifetime.Should().BeGreaterThan(TimeSpan.FromMilliseconds(2900));
    }

    [Fact]
    public async Task The_planted_bug_the_buggy_server_buffers_an_oversized_body_and_its_memory_grows()
    {
        await using ServerUnderTest buggy = await StartAsync("--frame-timeout", "30000");
        await using ServerUnderTest fixedServer = await StartAsync("--frame-timeout", "30000", "--size-check", "early");
        const long body = 96L * 1024 * 1024;
        var attack = new DeclaredFrameBehaviour(FrameHeader.UInt32BigEndian, uint.MaxValue, bodyBytes: body, holdMs: 1000);

        long buggyBefore = buggy.Snapshot().RssKb, fixedBefore = fixedServer.Snapshot().RssKb;
        await using var onBuggy = EvilClient.Start(new EvilClientOptions("E", buggy.EndPoint, attack));
        EvilClientReport intoBuggy = await onBuggy.WaitAsync(Bound);
        long buggyGrowthKb = buggy.Snapshot().RssKb - buggyBefore;
        await using var onFixed = EvilClient.Start(new EvilClientOptions("E", fixedServer.EndPoint, attack));
        EvilClientReport intoFixed = await onFixed.WaitAsync(Bound);
        long fixedGrowthKb = fixedServer.Snapshot().RssKb - fixedBefore;

        intoBuggy.Stats.BytesSent.Should().Be(4 + body, "the buggy server read the whole body");
        buggyGrowthKb.Should().BeGreaterThan(body / 1024 / 2, $"it buffered what it read (RSS grew {buggyGrowthKb} KiB)");
        intoFixed.Stats.BytesSent.Should().BeLessThan(body, "the fixed server refused and closed before the body");
        fixedGrowthKb.Should().BeLessThan(20 * 1024, $"it buffered nothing (RSS grew {fixedGrowthKb} KiB)");
        (await buggy.ProbeAsync(TimeSpan.FromSeconds(5))).ThrowIfNotAnswered();
    }

    [Fact]
    public async Task After_a_flood_its_open_descriptors_return_to_the_baseline()
    {
        await using ServerUnderTest server = await StartAsync("--max-connections", "100");
        int baseline = await WarmBaselineAsync(server);
        await using var flood = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(60_000), connections: 80));

        await flood.Stats.WaitUntilAsync(s => s.Open == 80, "80 open", Bound);
        ServerSnapshot during = await server.WaitUntilAsync(s => s.Established >= 80, "holding 80 connections", Bound);
        (await server.ProbeAsync(TimeSpan.FromSeconds(2))).ThrowIfNotAnswered();
        await flood.StopAsync();
        ServerSnapshot after = await server.WaitForOpenFdsAsync(baseline, tolerance: 5, TimeSpan.FromSeconds(10));
        ServerSnapshot settled = await server.WaitUntilAsync(s => s.CloseWait == 0 && s.Established == 0, "done closing", TimeSpan.FromSeconds(10));

        during.OpenFds.Should().BeGreaterThanOrEqualTo(baseline + 80, "one descriptor per held connection");
        after.OpenFds.Should().BeLessThanOrEqualTo(baseline + 5);
        settled.OpenFds.Should().BeLessThanOrEqualTo(baseline + 5);
    }

    [Fact]
    public async Task Past_its_connection_limit_it_tells_the_extra_clients_and_legitimate_ones_too()
    {
        await using ServerUnderTest server = await StartAsync("--max-connections", "20");
        await using var flood = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(60_000), connections: 20));
        await flood.Stats.WaitUntilAsync(s => s.Open == 20, "20 open", Bound);
        await server.WaitUntilAsync(s => s.Established >= 20, "holding 20", Bound);

        ProbeResult during = await server.ProbeAsync(TimeSpan.FromSeconds(5));
        await flood.StopAsync();
        await server.WaitUntilAsync(s => s.Established == 0, "all flood connections closed", Bound);
        // Its count of connections trails the sockets' close by a moment: the slots come back soon, not at once.
        ProbeResult after = await server.WaitUntilAnswersAsync(TimeSpan.FromSeconds(10), perProbe: TimeSpan.FromSeconds(2));

        during.Answered.Should().BeFalse("a flood of idle connections up to the limit locks legitimate clients out");
        during.Failure.Should().Be("error reply: too many connections (limit 20)");
        after.Answered.Should().BeTrue(after.ToString());
    }

    [Fact]
    public async Task A_slowloris_is_cut_off_by_the_frame_timeout_however_steady_it_trickles()
    {
        await using ServerUnderTest server = await StartAsync("--frame-timeout", "1500", "--idle-timeout", "10000");
        var trickle = new SlowlorisBehaviour(Frame(100, 100), bytesPerSecond: 20);

        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, trickle));
        ConnectionResult c = (await client.WaitAsync(Bound)).Connections.Single();

        Reply(c).Should().Be("frame not complete within 1500 ms");
        c.End.Should().Be(ConnectionEnd.ServerClosed);
        c.Lifetime.Should().BeGreaterThan(TimeSpan.FromMilliseconds(1400)).And.BeLessThan(TimeSpan.FromSeconds(8));
        c.BytesSent.Should().BeLessThan(104);
    }

    [Fact]
    public async Task Open_close_churn_leaves_no_descriptor_behind()
    {
        await using ServerUnderTest server = await StartAsync();
        int baseline = await WarmBaselineAsync(server);

        await using var churn = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new ChurnBehaviour(250, payload: Frame(3, 3)), connections: 4));
        EvilClientReport report = await churn.WaitAsync(TimeSpan.FromSeconds(60));

        report.Stats.Connected.Should().Be(1000);
        await server.WaitForOpenFdsAsync(baseline, tolerance: 5, TimeSpan.FromSeconds(10));
        await server.WaitUntilAsync(s => s.CloseWait == 0, "no CLOSE_WAIT left", TimeSpan.FromSeconds(10));
        (await server.ProbeAsync(TimeSpan.FromSeconds(2))).ThrowIfNotAnswered();
    }

    [Fact]
    public async Task After_a_half_close_it_still_answers_the_frame_then_closes()
    {
        await using ServerUnderTest server = await StartAsync();
        byte[] frame = [0, 0, 0, 2, (byte)'h', (byte)'i'];

        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HalfCloseBehaviour(frame, holdMs: 10_000)));
        ConnectionResult c = (await client.WaitAsync(Bound)).Connections.Single();

        c.ReplyHead.ToArray().Should().Equal(0, 0, 0, 3, 0, (byte)'h', (byte)'i');
        c.End.Should().Be(ConnectionEnd.ServerClosed);
        c.Lifetime.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }
}
