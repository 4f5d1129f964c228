using System.Text;

namespace ChaosFeatures.Harness.Replay;

/// <summary>
/// Writes a whole file or nothing: a temp file next to the target, then a rename. Readers never see
/// half a descriptor or half a frozen feature, and a failed write leaves no temp file behind.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <exception cref="IOException">With <paramref name="overwrite"/> false, when <paramref name="path"/> already exists.</exception>
    public static void WriteAllText(string path, string content, bool overwrite)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, content, Utf8NoBom);
            // The rename refuses an existing target itself, so two writers cannot both "create" the file.
            File.Move(temp, path, overwrite);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
