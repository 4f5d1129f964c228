using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace ChaosFeatures.Harness.EventLog;

/// <summary>
/// The run's <c>events.jsonl</c>, written through Serilog. Thread-safe; the file is opened with
/// <c>shared: true</c> because several test processes of one run may append to it. Lines are written in batches
/// (Serilog's batching, <see cref="FileBatches"/>): a shared file takes a cross-process lock per line, about 50 µs,
/// which a scenario should not wait for. A line lands within <see cref="Latency"/> of its event; nothing is dropped
/// (the queue is unbounded); Dispose writes what is queued.
/// </summary>
public sealed class ChaosEventLog : IDisposable
{
    private static readonly MessageTemplate EmptyTemplate = new([]);

    /// <summary>How long a line may wait for its batch.</summary>
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    private readonly Logger _logger;
    private readonly TimeProvider _time;
    private int _disposed;

    /// <param name="time">The clock of each line's timestamp (default the system's).</param>
    public ChaosEventLog(ChaosResultsLocation location, TimeProvider? time = null)
    {
        Location = location;
        _time = time ?? TimeProvider.System;
        Directory.CreateDirectory(location.RunDirectory);
        _logger = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.Sink(new FileBatches(location.EventsPath, new ChaosJsonFormatter()),
                new BatchingOptions { BufferingTimeLimit = Latency, EagerlyEmitFirstEvent = false, QueueLimit = null })
            .CreateLogger();
    }

    public ChaosResultsLocation Location { get; }

    /// <summary>Writes one line. <paramref name="elapsedMs"/> is milliseconds since the test started.</summary>
    public void Write(string testId, double elapsedMs, ChaosEvent chaosEvent)
    {
        if (Volatile.Read(ref _disposed) != 0) return;
        var properties = new List<LogEventProperty>(5 + chaosEvent.Fields.Count)
        {
            new("t", new ScalarValue(Math.Round(elapsedMs, 3))),
            new("test", new ScalarValue(testId)),
            new("kind", new ScalarValue(chaosEvent.Kind)),
            new("actor", new ScalarValue(chaosEvent.Actor)),
            new("event", new ScalarValue(chaosEvent.Name)),
        };
        foreach (var (key, value) in chaosEvent.Fields)
            if (!string.IsNullOrWhiteSpace(key) && properties.TrueForAll(p => p.Name != key))
                properties.Add(new LogEventProperty(key, new ScalarValue(value)));
        try { _logger.Write(new LogEvent(_time.GetUtcNow(), LogEventLevel.Information, null, EmptyTemplate, properties)); }
        catch (ObjectDisposedException) { } // a late I/O completion racing Dispose: the run is over
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _logger.Dispose();
    }
}
