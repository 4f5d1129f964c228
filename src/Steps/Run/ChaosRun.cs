using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Steps.Run;

/// <summary>
/// What every scenario of this process shares: the validated settings and the run's event log.
/// Configured by the BeforeTestRun hook; in-process test runs with unchanged settings share one run
/// directory (the default run id carries a timestamp, so it is fixed by the first run).
/// </summary>
public sealed class ChaosRun
{
    private static readonly object Gate = new();
    private static ChaosRun? _current;

    private ChaosRun(ChaosRunSettings settings, ChaosEventLog log) => (Settings, Log) = (settings, log);

    public ChaosRunSettings Settings { get; }
    public ChaosEventLog Log { get; }
    public ChaosResultsLocation Results => Log.Location;

    /// <summary>The configured run; configured from the environment on first use if no BeforeTestRun hook did it.</summary>
    public static ChaosRun Current
    {
        get
        {
            lock (Gate) return _current ?? Configure(ChaosRunSettings.FromEnvironment());
        }
    }

    public static ChaosRun Configure(ChaosRunSettings settings)
    {
        lock (Gate)
        {
            if (_current is { } same && same.Settings == settings) return same;
            var log = new ChaosEventLog(settings.NewLocation());
            AppDomain.CurrentDomain.ProcessExit += (_, _) => log.Dispose();
            return _current = new ChaosRun(settings, log);
        }
    }
}
