using System.Net;
using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Faults;
using ChaosFeatures.Harness.Peers;
using ChaosFeatures.Harness.Streams;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>The actions a task can queue, wired to the client drivers, counters and timeline.</summary>
public static class TaskActions
{
    public static TaskAction Download(ChaosTask task, RunningPeer peer, int readSize, ChaosCounters counters, IChaosEventSink events) =>
        Download(task, peer.Spec.Name, peer.ClientEndPoint, peer.Spec.ServedPayload, readSize, counters, events);

    /// <summary>A download from any endpoint (a proxy made through a Toxiproxy API, say), judged against what its peer serves.</summary>
    /// <param name="expected">What the far end serves in full: a truncation is eof, different bytes corrupt; null when unknown.</param>
    public static TaskAction Download(ChaosTask task, string target, IPEndPoint endPoint, byte[]? expected, int readSize, ChaosCounters counters, IChaosEventSink events)
    {
        var settings = task.Settings;
        var driver = settings.Driver;
        var request = new DownloadRequest
        {
            Actor = task.Name, ReadSize = readSize, Timeout = settings.Timeout, Events = events, ExpectedPayload = expected,
        };
        var how = readSize == 1 ? " byte by byte" : $" in {readSize}-byte reads";
        return new TaskAction($"download from {target}{how}", settings.Timeout, async (t, ct) =>
        {
            var result = await driver.DownloadAsync(endPoint, request, ct);
            t.Record(new TransferRecord("download", target, ReadOnlyMemory<byte>.Empty, result));
            counters.RecordDownload(t.Name, result);
        });
    }

    /// <summary>
    /// Reads an in-memory stream to its end, recorded and counted as a download so the download assertions and
    /// counters apply. The task's give-up time applies; its driver does not (no socket is involved).
    /// </summary>
    public static TaskAction ReadStream(ChaosTask task, StreamSpec stream, int readSize, ChaosCounters counters, IChaosEventSink events)
    {
        var settings = task.Settings;
        var request = new DownloadRequest
        {
            Actor = task.Name, ReadSize = readSize, Timeout = settings.Timeout, Events = events, ExpectedPayload = stream.Content,
        };
        var open = stream.Reader(events); // after the request: a bad read size must not mark the stream as read
        return new TaskAction($"read stream {stream.Name} in {readSize}-byte reads", settings.Timeout, async (t, ct) =>
        {
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.Open, ("stream", stream.Name), ("faults", stream.Faults)));
            await using var reading = open();
            var result = await StreamTransfer.ReadToEndAsync(reading, request, ct);
            t.Record(new TransferRecord("download", stream.Name, ReadOnlyMemory<byte>.Empty, result));
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

    /// <summary>One line to the peer (a real server, usually) and its one-line reply; recorded as an exchange, counted as <c>io_exchange_*</c>.</summary>
    public static TaskAction SendLine(ChaosTask task, RunningPeer peer, string line, ChaosCounters counters, IChaosEventSink events)
    {
        var timeout = task.Settings.Timeout;
        var request = LineExchange.Request(line);
        return new TaskAction($"send the line \"{line}\" to {peer.Spec.Name}", timeout, async (t, ct) =>
        {
            var result = await LineExchange.RunAsync(peer.ClientEndPoint, request, t.Name, events, timeout, ct);
            t.Record(new TransferRecord(TransferRecord.Exchange, peer.Spec.Name, request, result));
            counters.RecordExchange(t.Name, result);
        });
    }

    /// <summary>
    /// <paramref name="count"/> HTTP requests on the task's client for the peer: one after the other on its
    /// keep-alive connection, or all at once (<paramref name="parallel"/>: the client opens a connection per
    /// request in flight). Each is recorded as a request with its status and attempts, and counted as
    /// <c>io_request_*</c>, <c>http_attempts_*</c> and <c>http_status_NNN_*</c>. A cancel ends the sequence at
    /// the request it interrupts.
    /// </summary>
    public static TaskAction Request(ChaosTask task, RunningPeer peer, HttpClientSession session, HttpCall call, int count, bool parallel,
        ChaosCounters counters)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, $"task \"{task.Name}\" sends N requests: N must be >= 1");
        var how = count == 1 ? "" : parallel ? $" x{count} in parallel" : $" x{count} in turn";
        var bound = parallel ? call.Timeout : call.Timeout * count;
        return new TaskAction($"{call.Method} {call.Path} on {peer.Spec.Name}{how}", bound, async (t, ct) =>
        {
            if (parallel)
            {
                var results = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => session.SendAsync(call, ct)));
                foreach (var result in results) RecordRequest(t, peer, call, result, counters);
                return;
            }
            for (var i = 0; i < count && !ct.IsCancellationRequested; i++)
                RecordRequest(t, peer, call, await session.SendAsync(call, ct), counters);
        });
    }

    public static TaskAction Sleep(int ms, IChaosEventSink events, TimeProvider? time = null) =>
        ms is < 0 or > TaskSettings.MaxTimeoutMs
            ? throw new ArgumentOutOfRangeException(nameof(ms), ms, $"sleeps: {ms} is out of range 0..{TaskSettings.MaxTimeoutMs} ms")
            : new($"sleep {ms} ms", TimeSpan.FromMilliseconds(ms), async (t, ct) =>
        {
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.Sleep, ("ms", (long)ms)));
            await Task.Delay(TimeSpan.FromMilliseconds(ms), time ?? TimeProvider.System, ct);
        });

    private static void RecordRequest(ChaosTask task, RunningPeer peer, HttpCall call, HttpCallResult result, ChaosCounters counters)
    {
        task.Record(new TransferRecord(TransferRecord.Request, peer.Spec.Name, call.Body ?? ReadOnlyMemory<byte>.Empty, result.Transfer) { Http = result });
        counters.RecordRequest(task.Name, result);
    }

    public static TaskAction Cancel(string target, ScenarioTasks tasks, IChaosEventSink events) =>
        new($"cancel {target}", TimeSpan.Zero, (t, _) =>
        {
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.Cancel, ("target", target)));
            tasks.Cancel(target);
            return Task.CompletedTask;
        });
}
