using System.Net;
using System.Text.Json;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.DeclaredFrame;
using ChaosFeatures.EvilPeer.EvilClients.Forked;
using ChaosFeatures.EvilPeer.EvilClients.Hold;
using ChaosFeatures.EvilPeer.EvilClients.NeverRead;
using ChaosFeatures.EvilPeer.EvilClients.Noise;
using ChaosFeatures.EvilPeer.EvilClients.Slowloris;
using ChaosFeatures.EvilPeer.Tests.EvilClients.Support;
using ChaosFeatures.EvilPeer.Tests.Forked;
using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.EvilClients.Forked;

public sealed class ForkedEvilClientTests
{
    [Fact]
    public async Task A_forked_flood_reports_like_the_in_process_one_and_streams_its_events()
    {
        await using var server = new TargetServer();
        var sink = new RecordingPeerSink();
        await using var client = await ForkedEvilClient.StartAsync(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(200), connections: 20), sink);

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);
        await server.WaitForEndsAsync(20);

        report.Connections.Should().HaveCount(20).And.OnlyContain(c => c.End == ConnectionEnd.ClosedByClient);
        report.Connections.Should().OnlyContain(c => c.Lifetime >= TimeSpan.FromMilliseconds(190));
        report.Stats.Connected.Should().Be(20);
        report.Stopped.Should().BeFalse();
        server.Seen.Should().HaveCount(20).And.OnlyContain(s => s.End == "eof");
        sink.Events.Should().OnlyContain(e => e.Actor == "E");
        sink.Events.Count(e => e.Name == "connect").Should().Be(20);
    }

    [Fact]
    public async Task Killing_the_forked_client_drops_all_its_connections_at_once_and_leaves_no_process()
    {
        await using var server = new TargetServer();
        var client = await ForkedEvilClient.StartAsync(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(600_000), connections: 10));
        int pid = client.ProcessId;
        try
        {
            await client.Stats.WaitUntilAsync(s => s.Open == 10, "10 open", TargetServer.Bound);

            client.Kill();
            await server.WaitForEndsAsync(10);
            EvilClientReport report = await client.Completion.WaitAsync(TargetServer.Bound);

            server.Seen.Should().OnlyContain(s => s.End == "eof" || s.End == "rst", "the kernel closes a dead process's sockets");
            report.Stopped.Should().BeTrue("it never reported finishing");
            report.Stats.Connected.Should().Be(10);
        }
        finally
        {
            await client.DisposeAsync();
        }
        (await HostProcesses.BecomesGoneAsync(pid, TargetServer.Bound)).Should().BeTrue();
    }

    [Fact]
    public async Task Disposing_mid_run_stops_the_child_cleanly_and_it_closes_what_it_held()
    {
        await using var server = new TargetServer();
        var client = await ForkedEvilClient.StartAsync(new EvilClientOptions("E", server.EndPoint,
            new SlowlorisBehaviour(new byte[1000], bytesPerSecond: 10), connections: 3));
        await client.Stats.WaitUntilAsync(s => s.BytesSent >= 3, "trickling", TargetServer.Bound);

        await client.DisposeAsync();

        client.ExitCode.Should().Be(0, "it stopped on stdin EOF instead of being killed");
        await server.WaitForEndsAsync(3);
        server.Seen.Should().OnlyContain(s => s.End == "eof");
        HostProcesses.IsGone(client.ProcessId).Should().BeTrue();
    }

    [Fact]
    public void The_client_table_round_trips_every_behaviour()
    {
        var target = new IPEndPoint(IPAddress.Loopback, 9);
        EvilClientOptions[] all =
        [
            new("A", target, new HoldBehaviour(5), connections: 7, seed: 3, hardClose: true),
            new("B", target, new SlowlorisBehaviour("abc"u8.ToArray(), 9, chunkBytes: 2, holdMs: 4)),
            new("C", target, new DeclaredFrameBehaviour(FrameHeader.RespBulkString, 99, bodyBytes: 5, chunkBytes: 3, holdMs: 2)),
            new("D", target, new RandomBytesBehaviour(10, chunkBytes: 2, delayMs: 1, holdMs: 3)),
            new("F", target, new ReplayBehaviour("xy"u8.ToArray(), repeat: 4, chunkBytes: 1, delayMs: 2, holdMs: 3)),
            new("G", target, new NeverReadBehaviour("GET k\r\n"u8.ToArray(), repeat: 6, holdMs: 7)),
        ];
        foreach (EvilClientOptions options in all)
        {
            EvilClientOptions back = ClientTable.Parse(ClientTable.FromOptions(options).ToJson()).ToOptions();
            JsonSerializer.Serialize(ClientTable.FromOptions(back)).Should().Be(JsonSerializer.Serialize(ClientTable.FromOptions(options)));
            back.Behaviour.GetType().Should().Be(options.Behaviour.GetType());
        }
    }

    [Fact]
    public async Task The_host_refuses_a_bad_table_in_one_line_naming_the_fields()
    {
        var (exit, stdout, stderr) = await HostProcesses.RunAsync(HostProcesses.Host("client"),
            """{"target":"192.0.2.1:80","mode":"slowloris","rate":-1,"payloadText":"x"}""");

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.TrimEnd().Split('\n').Should().ContainSingle().Which.Should()
            .Contain("slowloris.rate: -1 is out of range 1..1000 bytes/s");
        (await HostProcesses.RunAsync(HostProcesses.Host("client", "--target", "127.0.0.1:1", "--mode", "hold", "--hold", "10", "--target", "192.0.2.1:80"), null))
            .Stderr.Should().Contain("target: 192.0.2.1:80 is not a loopback address");
        (await HostProcesses.RunAsync(HostProcesses.Host("client", "--tagret", "127.0.0.1:1"), null)).Stderr.Should().Contain("tagret");
    }

    [Fact]
    public void The_table_names_a_bad_mode_and_header()
    {
        var table = ClientTable.Parse("""{"target":"127.0.0.1:1","mode":"declared_frame","header":"u24"}""");

        var build = () => table.ToOptions();

        build.Should().Throw<OptionsValidationException>().WithMessage("*header: \"u24\" is not one of u32be, u32le, u16be, u64be, resp, http*");
    }
}
