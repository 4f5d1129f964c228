using System.Diagnostics;
using System.Globalization;

namespace ChaosFeatures.Steps.Tests.Support;

/// <summary>
/// What the kernel shows is left after a run, read from /proc without the harness's own code: this process's live
/// descendants, a pid, TCP sockets on a port (any process), temp folders by prefix. Every wait bounded.
/// </summary>
internal static class Leftovers
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    /// <summary>Live (not zombie) processes whose ancestry leads to this process.</summary>
    public static IReadOnlySet<int> Descendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } stat && stat.State != 'Z')
                parents[pid] = stat.Parent;
        var self = Environment.ProcessId;
        var found = new HashSet<int>();
        foreach (var pid in parents.Keys)
            for (int p = pid, hops = 0; parents.TryGetValue(p, out var parent) && hops < 64; p = parent, hops++)
                if (parent == self) { found.Add(pid); break; }
        return found;
    }

    /// <summary>Gone, or a zombie (dead; its parent reaps it).</summary>
    public static bool IsGone(int pid) => Stat(pid) is not { } stat || stat.State == 'Z';

    /// <summary>TCP sockets of any process with <paramref name="port"/> at either end, other than TIME_WAIT (state 06: the kernel's, holding no descriptor).</summary>
    public static IReadOnlyList<string> SocketsOn(int port)
    {
        var found = new List<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 4 || fields[3] == "06") continue;
                int Port(string endpoint) => int.Parse(endpoint[(endpoint.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (Port(fields[1]) == port || Port(fields[2]) == port) found.Add($"{table}: {fields[1]} -> {fields[2]} state {fields[3]}");
            }
        }
        return found;
    }

    public static string[] TempFolders(string prefix) => Directory.GetDirectories(Path.GetTempPath(), prefix + "*");

    /// <summary>Polls until <paramref name="left"/> returns nothing, or the bound; the last answer.</summary>
    public static async Task<IReadOnlyCollection<T>> UntilNoneAsync<T>(Func<IReadOnlyCollection<T>> left)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyCollection<T> now;
        while ((now = left()).Count > 0 && clock.Elapsed < Bound) await Task.Delay(50);
        return now;
    }

    private static (char State, int Parent)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
