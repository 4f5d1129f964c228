using System.Text;
using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>
/// A task action that runs a user's own client code (a Redis command, a SQL query, an HTTP call) on the
/// scenario scheduler, so killers, seeds, the watchdog and the end-of-scenario checks apply to it as to our
/// drivers. It is recorded as a <see cref="TransferRecord.Call"/>: completed when the code returns, otherwise
/// its exception classified into an <see cref="Outcome"/>; what it returned is what it "received".
/// </summary>
public static class CallActions
{
    /// <param name="work">
    /// The user's code. Its token is cancelled when a killer cancels the task (outcome cancelled) or when the
    /// task gives up (its <see cref="TaskSettings.Timeout"/>, outcome timeout); code that ignores it runs on.
    /// </param>
    /// <param name="classify">Tried first on an exception (a client's own exception types); null or a null answer falls back to <see cref="OutcomeClassifier"/>.</param>
    public static TaskAction Create<T>(ChaosTask task, string description, Func<CancellationToken, Task<T>> work,
        Func<Exception, Outcome?>? classify, ChaosCounters counters, IChaosEventSink events, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(work);
        var clock = time ?? TimeProvider.System;
        var timeout = task.Settings.Timeout;
        return new TaskAction(description, timeout, async (t, ct) =>
        {
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.Call, ("what", description)));
            // The give-up timer runs on the task's clock, like the call's duration.
            using var timedOut = new CancellationTokenSource(timeout, clock);
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct, timedOut.Token);
            var started = clock.GetTimestamp();
            TransferResult result;
            try
            {
                var received = Received(await work(giveUp.Token));
                result = new TransferResult(Outcome.Completed, received.Length, 0, received, null, clock.GetElapsedTime(started));
            }
            catch (Exception error)
            {
                var outcome = classify?.Invoke(error)
                    ?? OutcomeClassifier.FromException(error, ct.IsCancellationRequested, giveUp.IsCancellationRequested && !ct.IsCancellationRequested);
                result = new TransferResult(outcome, 0, 0, [], $"{error.GetType().Name}: {error.Message}", clock.GetElapsedTime(started));
            }
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.Outcome, ("outcome", OutcomeClassifier.Name(result.Outcome)),
                ("recv", result.BytesReceived), ("ms", Math.Round(result.Duration.TotalMilliseconds, 3)), ("error", result.Error)));
            t.Record(new TransferRecord(TransferRecord.Call, description, ReadOnlyMemory<byte>.Empty, result));
            counters.RecordCall(t.Name, result);
        });
    }

    /// <summary>Bytes as returned; anything else as its text and a line end, so "got the reply" reads its first line.</summary>
    private static byte[] Received<T>(T value) => value switch
    {
        null => [],
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory.ToArray(),
        _ => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) + "\n"),
    };
}
