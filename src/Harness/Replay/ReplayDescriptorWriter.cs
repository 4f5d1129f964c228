using System.Text;
using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Replay;

/// <summary>
/// Writes a failed case's descriptor to <c>&lt;run dir&gt;/failures/&lt;sanitized test id&gt;.json</c>
/// and says, in the failure message, where it is and how to freeze it.
/// </summary>
public static class ReplayDescriptorWriter
{
    private const int MaxStemLength = 180;

    /// <returns>The absolute path written.</returns>
    public static string Write(ReplayDescriptor descriptor, ChaosResultsLocation location)
    {
        var path = Path.Combine(location.RunDirectory, "failures", FileName(descriptor.TestId));
        AtomicFile.WriteAllText(path, ReplayDescriptorJson.Serialize(descriptor), overwrite: true);
        return path;
    }

    /// <summary>
    /// A file name from a test id: anything but letters, digits, <c>.</c> and <c>-</c> becomes <c>_</c>
    /// (so <c>features/io/x.feature:12:r2:a0.1</c> reads <c>features_io_x.feature_12_r2_a0.1.json</c>);
    /// very long ids are cut and keep a hash so they stay distinct.
    /// </summary>
    public static string FileName(string testId)
    {
        var stem = new StringBuilder(testId.Length);
        foreach (var c in testId)
            stem.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        var text = stem.ToString().Trim('.');
        if (text.Length > MaxStemLength)
            text = text[..MaxStemLength] + "_" + ChaosFeatures.Seeds.StableHash.Of(testId).ToString("x16");
        return text + ".json";
    }

    /// <summary>
    /// The two lines added to the failure message: where the descriptor is, and the exact freeze command: the repository's
    /// own tools/freeze project when the suite root holds it, else the packaged tool (ChaosFeatures.Freeze, command freeze).
    /// </summary>
    public static string MessageLines(string descriptorPath, string? suiteRoot = null)
    {
        var argument = descriptorPath.Any(char.IsWhiteSpace) ? $"\"{descriptorPath}\"" : descriptorPath;
        var inRepository = suiteRoot is null || File.Exists(Path.Combine(suiteRoot, "tools", "freeze", "Freeze.csproj"));
        var freeze = inRepository ? "dotnet run --project tools/freeze --" : "dotnet tool run freeze --";
        return $"Replay descriptor: {descriptorPath}\nFreeze: {freeze} {argument}";
    }
}
