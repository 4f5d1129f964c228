namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>The end of a server's log file, read without loading the whole file, as one line for a message.</summary>
internal static class LogTail
{
    public static string Read(string path, int maxBytes)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            long start = Math.Max(0, file.Length - maxBytes);
            file.Seek(start, SeekOrigin.Begin);
            using var reader = new StreamReader(file);
            string text = reader.ReadToEnd();
            return start > 0 ? "…" + text : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    /// <summary>Lines joined with " | ", so a start failure stays a one-line reason.</summary>
    public static string OneLine(string text)
    {
        string joined = string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return joined.Length == 0 ? "(empty)" : joined;
    }
}
