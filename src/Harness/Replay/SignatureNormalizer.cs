using System.Text.RegularExpressions;

namespace ChaosFeatures.Harness.Replay;

/// <summary>
/// Removes what differs between two runs of the same failure: the appended timeline and replay
/// lines, timestamps, durations, endpoints and ports, process ids, GUIDs. Byte counts stay: they are usually the bug.
/// </summary>
public static partial class SignatureNormalizer
{
    // The step library appends these to failure text; none of it identifies the failure.
    private static readonly string[] TrailerStarts = ["timeline of ", "Replay descriptor: ", "Freeze: ", "Replay drift: "];

    public static string Normalize(string message)
    {
        var lines = new List<string>();
        foreach (var raw in message.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (TrailerStarts.Any(start => line.StartsWith(start, StringComparison.Ordinal)))
                break;
            lines.Add(line);
        }
        var text = string.Join('\n', lines).Trim();
        text = Timestamp().Replace(text, "<timestamp>");
        text = Clock().Replace(text, "<duration>");
        text = Guid().Replace(text, "<guid>");
        text = Ipv4Endpoint().Replace(text, "<endpoint>");
        text = Ipv6Endpoint().Replace(text, "<endpoint>");
        text = Port().Replace(text, "${word} <port>");
        text = ProcessId().Replace(text, "${word} <pid>");
        text = Duration().Replace(text, "<duration>");
        return text;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\b\d+:\d{2}:\d{2}(\.\d+)?\b")]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b\d{1,3}(\.\d{1,3}){3}:\d{1,5}\b")]
    private static partial Regex Ipv4Endpoint();

    [GeneratedRegex(@"\[[0-9a-fA-F:.]+\]:\d{1,5}\b")]
    private static partial Regex Ipv6Endpoint();

    [GeneratedRegex(@"(?<word>\b[Pp]ort)\s*[:=]?\s*\d{1,5}\b")]
    private static partial Regex Port();

    [GeneratedRegex(@"(?<word>\bpid)\s+\d+\b")]
    private static partial Regex ProcessId();

    [GeneratedRegex(@"[+]?\b\d+(\.\d+)?\s?(ns|us|µs|ms|milliseconds?|s|sec|secs|seconds?)\b")]
    private static partial Regex Duration();
}
