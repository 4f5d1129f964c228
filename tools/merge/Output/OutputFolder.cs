namespace ChaosFeatures.Merge.Output;

/// <summary>
/// The merge's outputs, staged as hidden files beside their targets and moved over them only once every one was
/// written, so a reader (CI uploading, a person refreshing the page) sees the previous merge or the whole new one,
/// and a merge that fails half-way leaves nothing behind.
/// </summary>
internal sealed class OutputFolder(string path) : IDisposable
{
    private readonly string _stamp = Guid.NewGuid().ToString("N");
    private readonly bool _new = !Directory.Exists(path);
    private readonly List<(string Staged, string Target, bool Folder)> _staged = [];

    public string Path { get; } = path;

    /// <summary>Writes a file under its staged name and returns that name (readable before <see cref="Commit"/>).</summary>
    public string Stage(string name, Action<Stream> write)
    {
        var staged = Begin(name);
        using (var stream = Create(staged))
        {
            write(stream);
            Flush(stream);
        }
        return staged;
    }

    /// <inheritdoc cref="Stage"/>
    public async Task<string> StageAsync(string name, Func<Stream, Task> write)
    {
        var staged = Begin(name);
        await using (var stream = Create(staged))
        {
            await write(stream);
            Flush(stream);
        }
        return staged;
    }

    /// <summary>A folder that replaces <paramref name="name"/> whole on <see cref="Commit"/>; fill it before then.</summary>
    public string StageFolder(string name)
    {
        var staged = Hidden(name);
        Directory.CreateDirectory(staged);
        _staged.Add((staged, System.IO.Path.Combine(Path, name), true));
        return staged;
    }

    public void Commit()
    {
        foreach (var (staged, target, folder) in _staged)
        {
            if (!folder)
            {
                File.Move(staged, target, overwrite: true);
                continue;
            }
            var old = Hidden(System.IO.Path.GetFileName(target) + ".old");
            if (Directory.Exists(target))
                Directory.Move(target, old);
            Directory.Move(staged, target);
            if (Directory.Exists(old))
                Directory.Delete(old, recursive: true);
        }
        _staged.Clear();
    }

    /// <summary>Removes whatever was staged and not committed, and the folder itself when this merge created it for nothing.</summary>
    public void Dispose()
    {
        foreach (var (staged, _, folder) in _staged)
        {
            if (folder && Directory.Exists(staged))
                Directory.Delete(staged, recursive: true);
            else if (!folder && File.Exists(staged))
                File.Delete(staged);
        }
        if (_new && Directory.Exists(Path) && !Directory.EnumerateFileSystemEntries(Path).Any())
            Directory.Delete(Path);
    }

    private string Begin(string name)
    {
        Directory.CreateDirectory(Path);
        var staged = Hidden(name);
        _staged.Add((staged, System.IO.Path.Combine(Path, name), false));
        return staged;
    }

    private static FileStream Create(string path) => new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    // Some writers close the stream they are given (Cucumber's HTML writer does); closing flushed it already.
    private static void Flush(FileStream stream)
    {
        if (stream.CanWrite)
            stream.Flush(flushToDisk: true);
    }

    private string Hidden(string name) => System.IO.Path.Combine(Path, $".{name}.{_stamp}.tmp");
}
