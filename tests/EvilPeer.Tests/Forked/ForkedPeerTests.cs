using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Consume;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Tests.Peers.Consume;
using ChaosFeatures.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Forked;

public sealed class ForkedPeerTests
{
    private static readonly byte[] Bytes = PayloadGenerator.Generate(seed: 9, length: 1000);

    [Fact]
    public async Task Serves_like_the_in_process_peer_and_streams_its_events()
    {
        var sink = new RecordingPeerSink();
        await using var peer = await ForkedPeer.StartAsync(new PeerOptions("EP", new ServeBehaviour(Bytes, slice: 100, closeAfter: 300)), sink);
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        var download = await LoopbackClient.DownloadAsync(client);

        download.EndedWithFin.Should().BeTrue();
        download.Bytes.Should().Equal(Bytes[..300]);
        peer.StartupTime.Should().BePositive();
        await ConsumeTests.WaitUntil(() => sink.Names(1).Contains("fin"));
        sink.Names(1).Where(n => n == "write").Should().HaveCount(3);
        sink.Events.Should().OnlyContain(e => e.Actor == "EP");
        sink.Events.Where(e => e.Name == "write").Should().OnlyContain(e => (long)e.Fields.Single(f => f.Key == "bytes").Value! == 100);
    }

    [Fact]
    public async Task Forked_consumer_counts_and_hashes_like_the_in_process_one()
    {
        byte[] upload = PayloadGenerator.Generate(seed: 6, length: 50_000);
        await using var peer = await ForkedPeer.StartAsync(new PeerOptions("EP", new ConsumeBehaviour(readSize: 4096)));
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        await client.SendAsync(upload).WaitAsync(LoopbackClient.Bound);
        client.Shutdown(SocketShutdown.Send);
        (await LoopbackClient.DownloadAsync(client)).EndedWithFin.Should().BeTrue();
        await peer.WaitForConnectionsAsync(1, LoopbackClient.Bound);

        peer.Stats.BytesRead.Should().Be(upload.Length);
        peer.Stats.FinsSent.Should().Be(1);
        peer.Stats.LastReadSha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(upload)));
    }

    [Fact]
    public async Task Forked_hard_reset_is_a_reset()
    {
        await using var peer = await ForkedPeer.StartAsync(new PeerOptions("EP", new ServeBehaviour(Bytes, closeAfter: 10, hardReset: true, holdMs: 100)));
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        (await LoopbackClient.DownloadAsync(client)).Error.Should().Be(SocketError.ConnectionReset);
    }

    [Fact]
    public async Task Closing_stdin_stops_the_host_cleanly()
    {
        var sink = new RecordingPeerSink();
        var peer = await ForkedPeer.StartAsync(new PeerOptions("EP", new ConsumeBehaviour(readSize: 0)), sink);
        int pid = peer.ProcessId;
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);
        await ConsumeTests.WaitUntil(() => sink.Names(1).Contains("accept")); // accepted, not just queued in the backlog

        await peer.DisposeAsync();

        peer.ExitCode.Should().Be(0, "the host stopped on stdin EOF instead of being killed");
        HostProcesses.IsGone(pid).Should().BeTrue();
        (await LoopbackClient.DownloadAsync(client)).EndedWithFin.Should().BeTrue("the host closed its live connection with FIN");
    }

    [Fact]
    public async Task Killed_mid_transfer_the_client_sees_the_end_and_no_process_remains()
    {
        byte[] big = PayloadGenerator.Generate(seed: 2, length: 100_000);
        await using var peer = await ForkedPeer.StartAsync(new PeerOptions("EP", new ServeBehaviour(big, slice: 1000, delayMs: 20)));
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);
        var first = new byte[1000];
        await client.ReceiveAsync(first).WaitAsync(LoopbackClient.Bound);

        peer.Kill();
        var rest = await LoopbackClient.DownloadAsync(client);

        (rest.Bytes.Length + 1000).Should().BeLessThan(big.Length, "the transfer was cut short");
        (rest.EndedWithFin || rest.Error == SocketError.ConnectionReset).Should().BeTrue($"EOF or reset, not {rest.Error}");
        await peer.WaitForExitAsync(LoopbackClient.Bound);
        HostProcesses.IsGone(peer.ProcessId).Should().BeTrue();
        string[] runtimeFiles = [.. Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{peer.ProcessId}-*"),
            .. Directory.GetFiles(Path.GetTempPath(), $"clr-debug-pipe-{peer.ProcessId}-*")];
        runtimeFiles.Should().BeEmpty("a killed host leaves no runtime IPC files behind");
    }

    [Fact]
    public async Task A_host_that_reports_no_endpoint_fails_the_start_with_its_exit_code()
    {
        var start = () => ForkedPeer.StartAsync(new PeerOptions("EP", new ServeBehaviour(Bytes)), hostPath: "/bin/false");

        await start.Should().ThrowAsync<InvalidOperationException>().WithMessage("*no endpoint line (exit code 1)*");
    }

    [Fact]
    public async Task A_missing_host_names_the_path_and_the_variable()
    {
        var start = () => ForkedPeer.StartAsync(new PeerOptions("EP", new ServeBehaviour(Bytes)), hostPath: "/nonexistent/evilpeer.dll");

        await start.Should().ThrowAsync<FileNotFoundException>().WithMessage("*/nonexistent/evilpeer.dll*EVILPEER_HOST*");
    }
}
