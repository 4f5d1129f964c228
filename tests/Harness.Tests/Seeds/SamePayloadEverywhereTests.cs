using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.Leaks;
using ChaosFeatures.Harness.Peers;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Harness.Streams;

namespace ChaosFeatures.Harness.Tests.Seeds;

/// <summary>
/// One seed, one set of bytes: an in-process peer, a forked peer (a real evilpeer child generating the bytes itself
/// from the fault table's payloadSeed) and an in-memory stream of the same name and size serve the same payload.
/// </summary>
public sealed class SamePayloadEverywhereTests
{
    private const int Size = 5000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("1")]
    [InlineData("18446744073709551615")] // the top of the range: a seed past 2^63 reaches the child intact
    public async Task A_peer_a_forked_peer_and_a_stream_of_one_seed_hold_the_same_bytes(string genSeed)
    {
        var seeds = ChaosSeeds.Parse(genSeed, null).For("features/io/payload.feature:3");
        var streams = new ScenarioStreams(() => seeds);
        streams.Define("EP", Size);
        var peers = new ScenarioPeers(() => seeds, () => throw new InvalidOperationException("no events here"), new LeakChecker(), new ChaosCounters());

        var stream = streams.Get("EP").Content;
        var inProcess = await DownloadInProcessAsync(peers.GeneratedPayload("EP", Size)());
        var forked = await DownloadForkedAsync(seeds.PayloadFor("EP").Value);

        stream.Should().HaveCount(Size);
        inProcess.Should().Equal(stream);
        forked.Should().Equal(stream, "the child makes the bytes from the seed with the same generator");
    }

    [Fact]
    public void Different_names_and_seeds_give_different_bytes()
    {
        var seeds = ChaosSeeds.Default.For("features/io/payload.feature:3");

        seeds.PayloadFor("EP").Payload(64).Should().NotEqual(seeds.PayloadFor("EQ").Payload(64));
        ChaosSeeds.Parse("2", null).For(seeds.TestCaseId).PayloadFor("EP").Payload(64).Should().NotEqual(seeds.PayloadFor("EP").Payload(64));
    }

    private static async Task<byte[]> DownloadInProcessAsync(byte[] payload)
    {
        await using var peer = await PeerHost.StartAsync(new PeerOptions("EP", new ServeBehaviour(payload)));
        return await DownloadAsync(peer.EndPoint);
    }

    private static async Task<byte[]> DownloadForkedAsync(ulong payloadSeed)
    {
        var info = new ProcessStartInfo(HostLocator.DotnetMuxer())
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(HostLocator.Resolve());
        using var process = await StartFromOwnThreadAsync(info);
        try
        {
            _ = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteLineAsync($$"""{"name":"EP","mode":"serve","payloadSize":{{Size}},"payloadSeed":{{payloadSeed}}}""");
            await process.StandardInput.FlushAsync();
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(Bound);
            IPEndPoint.TryParse(line ?? "", out var endPoint).Should().BeTrue($"the host prints its endpoint first, got '{line}'");
            _ = process.StandardOutput.ReadToEndAsync(); // keep the event pipe drained
            var bytes = await DownloadAsync(endPoint!);
            process.StandardInput.Close(); // EOF: the host's signal to stop
            await process.WaitForExitAsync().WaitAsync(Bound);
            return bytes;
        }
        finally
        {
            if (!process.HasExited) { process.Kill(); await process.WaitForExitAsync(); }
        }
    }

    /// <summary>
    /// The host arms PR_SET_PDEATHSIG, which Linux fires when the *thread* that forked it exits: started from a
    /// thread-pool thread that then retired, it died before printing its endpoint. This thread waits for the host.
    /// </summary>
    private static Task<Process> StartFromOwnThreadAsync(ProcessStartInfo info)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            Process process;
            try { process = Process.Start(info)!; }
            catch (Exception e) { started.SetException(e); return; }
            started.SetResult(process);
            process.WaitForExit(); // the test kills it if it does not stop
        }) { IsBackground = true, Name = "forked-host-parent" }.Start();
        return started.Task;
    }

    private static async Task<byte[]> DownloadAsync(IPEndPoint endPoint)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endPoint).WaitAsync(Bound);
        using var received = new MemoryStream();
        await client.GetStream().CopyToAsync(received).WaitAsync(Bound);
        return received.ToArray();
    }
}
