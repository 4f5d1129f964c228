using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Harness.Leaks;
using ChaosFeatures.Harness.Scheduling;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Harness.Tests.Clients;

/// <summary>The pieces together, as a step library will use them: a killer task cancelling a live download.</summary>
public sealed class ScheduledTransferTests
{
    [Theory]
    [InlineData("fifo")]
    [InlineData("random:5")]
    [InlineData("pct:5:2")]
    public async Task Task_K_cancels_task_C_mid_download(string sched)
    {
        var seeds = ChaosSeeds.Parse("1", sched).For("features/io/cancel.feature:7");
        var timeline = new TestTimeline(seeds);
        var counters = new ChaosCounters();
        var leaks = new LeakChecker();
        var payload = PayloadGenerator.Generate(seeds.PayloadSeed, 256);
        TransferResult? result = null;

        using (var scheduler = ScenarioScheduler.For(seeds, timeline.RecordPick))
        {
            await using (var server = new LoopbackServer(async (socket, ct) =>
            {
                await socket.SendAsync(payload.AsMemory(0, 100), System.Net.Sockets.SocketFlags.None, ct);
                await Task.Delay(Timeout.Infinite, ct); // then stall: only the killer ends this
            }))
            {
                leaks.TrackPort(server.Port);
                scheduler.Start("C", async ct =>
                {
                    result = await ClientDrivers.Get("stream").DownloadAsync(server.EndPoint,
                        new DownloadRequest { ReadSize = 1, ExpectedPayload = payload, Actor = "C", Events = timeline }, ct);
                    counters.RecordDownload("C", result);
                });
                scheduler.Start("K", async ct => { await Task.Delay(300, ct); scheduler.Cancel("C"); });
                await scheduler.WaitAllAsync(TimeSpan.FromSeconds(10));
            }
            scheduler.CheckNoOrphans();
            (await leaks.CheckAsync(scheduler)).ThrowIfLeaks();
        }

        result!.Outcome.Should().Be(Outcome.Cancelled, timeline.Render());
        // The killer races live I/O: how much arrived depends on timing, that it is a clean prefix does not.
        new InvariantChecks(timeline).CleanPrefix("C", payload[..100], result.Received);
        counters.Get("io_download_cancelled_C").Should().Be(1);
        counters.Get("io_recv_bytes_C").Should().Be(result.Received.Length);
        timeline.Render().Should().Contain("C outcome outcome=cancelled").And.Contain("C clean_prefix ok=true");
    }
}
