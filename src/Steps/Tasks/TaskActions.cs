using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Steps.Peers;

namespace ChaosFeatures.Steps.Tasks;

/// <summary>The actions a task can queue, wired to the client drivers, counters and timeline.</summary>
public static class TaskActions
{
    public static TaskAction Download(ChaosTask task, RunningPeer peer, int readSize, ChaosCounters counters, IChaosEventSink events)
    {
        var settings = task.Settings;
        var driver = settings.Driver;
        var request = new DownloadRequest
        {
            Actor = task.Name, ReadSize = readSize, Timeout = settings.Timeout, Events = events,
            // Judged against what the peer serves in full: a truncation is eof, different bytes corrupt.
            ExpectedPayload = peer.Spec.ServedPayload is { } payload ? payload : null,
        };
        var how = readSize == 1 ? " byte by byte" : $" in {readSize}-byte reads";
        return new TaskAction($"download from {peer.Spec.Name}{how}", settings.Timeout, async (t, ct) =>
        {
            var result = await driver.DownloadAsync(peer.ClientEndPoint, request, ct);
            t.Record(new TransferRecord("download", peer.Spec.Name, ReadOnlyMemory<byte>.Empty, result));
            counters.RecordDownload(t.Name, result);
        });
    }

    public static TaskAction Upload(ChaosTask task, RunningPeer peer, byte[] payload, int writeSize, ChaosCounters counters, IChaosEventSink events)
    {
        var settings = task.Settings;
        var driver = settings.Driver;
        var request = new UploadRequest { Payload = payload, Actor = task.Name, WriteSize = writeSize, Timeout = settings.Timeout, Events = events };
        return new TaskAction($"upload {payload.Length} B to {peer.Spec.Name} in {writeSize}-byte writes", settings.Timeout, async (t, ct) =>
        {
            var result = await driver.UploadAsync(peer.ClientEndPoint, request, ct);
            t.Record(new TransferRecord("upload", peer.Spec.Name, payload, result));
            counters.RecordUpload(t.Name, result);
        });
    }

    public static TaskAction Sleep(int ms, IChaosEventSink events) =>
        new($"sleep {ms} ms", TimeSpan.FromMilliseconds(ms), async (t, ct) =>
        {
            events.Record(ChaosEvent.Of("client", t.Name, "sleep", ("ms", (long)ms)));
            await Task.Delay(ms, ct);
        });

    public static TaskAction Cancel(string target, ScenarioTasks tasks, IChaosEventSink events) =>
        new($"cancel {target}", TimeSpan.Zero, (t, _) =>
        {
            events.Record(ChaosEvent.Of("client", t.Name, "cancel", ("target", target)));
            tasks.Cancel(target);
            return Task.CompletedTask;
        });
}
