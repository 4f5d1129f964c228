namespace ChaosFeatures.Merge.Jobs;

/// <summary>
/// One job's artifacts as the nightly uploads them: <c>job.json</c>, <c>reports/cucumber-messages.ndjson</c> (absent when the
/// job was cut or crashed before its run ended: reports are written whole or not at all) and
/// <c>chaos-results/&lt;runId&gt;/failures/*.json</c>, the replay descriptors of its failures.
/// </summary>
internal sealed record JobFolder(string Path, JobManifest Manifest)
{
    public const string MessagesFile = "reports/cucumber-messages.ndjson";

    /// <summary>The job's Cucumber Messages stream, or null when the job wrote none.</summary>
    public string? MessagesPath => File.Exists(System.IO.Path.Combine(Path, MessagesFile)) ? System.IO.Path.Combine(Path, MessagesFile) : null;

    /// <summary>The replay descriptors the job's failures left, by file name.</summary>
    public IReadOnlyList<string> DescriptorPaths()
    {
        var failures = System.IO.Path.Combine(Path, "chaos-results", Manifest.RunId, "failures");
        return Directory.Exists(failures) ? [.. Directory.GetFiles(failures, "*.json").Order(StringComparer.Ordinal)] : [];
    }
}
