namespace ChaosFeatures.Gherkin.Reporting;

/// <summary>
/// A report streamed into a hidden file beside its target and moved over it once the stream is closed, so
/// readers (CI picking up reports of a slow run) see the old report or the whole new one, never half of one.
/// </summary>
internal sealed class WholeFile(ReportContext context)
{
    private string? _target;
    private string? _temp;

    public Stream Open(string target)
    {
        _target = target;
        _temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        return new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.None, 65536);
    }

    /// <summary>Called after the stream is closed.</summary>
    public void Commit(string formatter)
    {
        if (_temp is null || _target is null || !File.Exists(_temp))
            return;
        try
        {
            File.Move(_temp, _target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Failed($"the {formatter} report could not be written to {_target}: {e.Message}");
            File.Delete(_temp);
        }
    }
}
