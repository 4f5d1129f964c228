namespace ChaosFeatures.Steps.Scenario;

/// <summary>The process-wide list of <see cref="IChaosFailureRecorder"/>s the AfterScenario hook calls, in registration order.</summary>
public static class ChaosFailureRecorders
{
    private static readonly object Gate = new();
    private static IChaosFailureRecorder[] _recorders = [];

    /// <summary>Adds a recorder once (registering the same instance again is a no-op, so per-run hooks may call this).</summary>
    public static void Register(IChaosFailureRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        lock (Gate)
            if (!_recorders.Contains(recorder)) _recorders = [.. _recorders, recorder];
    }

    public static bool Unregister(IChaosFailureRecorder recorder)
    {
        lock (Gate)
        {
            var before = _recorders.Length;
            _recorders = [.. _recorders.Where(r => r != recorder)];
            return _recorders.Length < before;
        }
    }

    /// <summary>Runs every recorder; returns their errors as lines instead of throwing.</summary>
    internal static async Task<IReadOnlyList<string>> RecordAsync(ChaosScenario scenario, ChaosFailure failure, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var recorder in Volatile.Read(ref _recorders))
        {
            try { await recorder.RecordAsync(scenario, failure, cancellationToken); }
            catch (Exception e) { errors.Add($"failure recorder {recorder.GetType().Name} failed: {e.GetType().Name}: {e.Message}"); }
        }
        return errors;
    }
}
