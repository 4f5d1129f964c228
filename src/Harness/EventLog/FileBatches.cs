using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ChaosFeatures.Harness.EventLog;

/// <summary>
/// Serilog's shared file sink, fed in batches by Serilog's own batching: the log's writer wakes once per batch
/// instead of once per event (a dedicated worker that waits per event spins between them, and on two cores that
/// spinning is taken from the scenario it logs).
/// </summary>
internal sealed class FileBatches(string path, Serilog.Formatting.ITextFormatter formatter) : IBatchedLogEventSink, IDisposable
{
    private readonly Logger _file = new LoggerConfiguration()
        .MinimumLevel.Verbose()
        .WriteTo.File(formatter, path, shared: true)
        .CreateLogger();

    public Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        foreach (var logEvent in batch) _file.Write(logEvent);
        return Task.CompletedTask;
    }

    public Task OnEmptyBatchAsync() => Task.CompletedTask;

    public void Dispose() => _file.Dispose();
}
