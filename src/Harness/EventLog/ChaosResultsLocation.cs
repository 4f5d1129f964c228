using System.Globalization;

namespace ChaosFeatures.Harness.EventLog;

/// <summary>
/// Where a run writes: <c>&lt;results dir&gt;/&lt;run id&gt;/</c>. <c>CHAOS_RESULTS_DIR</c> overrides the folder
/// (default <c>chaos-results</c> under the given root or the current directory); <c>CHAOS_RUN_ID</c>
/// overrides the run id (default UTC <c>yyyyMMdd-HHmmss</c> plus the pid, so parallel processes of one
/// run share it only when told to).
/// </summary>
public sealed record ChaosResultsLocation(string RunId, string RunDirectory)
{
    public const string DirectoryVariable = "CHAOS_RESULTS_DIR";
    public const string RunIdVariable = "CHAOS_RUN_ID";

    public string EventsPath => Path.Combine(RunDirectory, "events.jsonl");

    /// <summary>
    /// The location from the two settings as given (null or empty = default); the caller reads them (the step
    /// library from its environment snapshot and reqnroll.json). <paramref name="folder"/> is relative to <paramref name="root"/>;
    /// a default run id is stamped from <paramref name="time"/> (default the system's clock).
    /// </summary>
    public static ChaosResultsLocation Resolve(string? folder, string? runId, string? root = null, TimeProvider? time = null)
    {
        if (string.IsNullOrEmpty(folder)) folder = "chaos-results";
        folder = Path.GetFullPath(folder, root ?? Directory.GetCurrentDirectory());

        if (string.IsNullOrEmpty(runId))
            runId = (time ?? TimeProvider.System).GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId;
        else if (runId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || runId is "." or "..")
            throw new Seeds.ChaosConfigurationException(RunIdVariable, runId, "a file name without path separators");

        return new ChaosResultsLocation(runId, Path.Combine(folder, runId));
    }
}
