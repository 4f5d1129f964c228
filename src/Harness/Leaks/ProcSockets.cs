using System.Globalization;

namespace ChaosFeatures.Harness.Leaks;

/// <summary>Linux's view of this process's sockets: /proc/self/fd links (socket:[inode]) joined with /proc/net/tcp{,6}.</summary>
internal static class ProcSockets
{
    public const string Unavailable = "leak check unavailable on this OS (needs Linux /proc)";

    private static readonly string[] States =
        ["?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"];

    public static bool Available => OperatingSystem.IsLinux() && Directory.Exists("/proc/self/fd") && File.Exists("/proc/net/tcp");

    /// <summary>Inodes of the sockets this process holds open now.</summary>
    public static HashSet<long> OwnSocketInodes()
    {
        var inodes = new HashSet<long>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            string? target;
            try { target = new FileInfo(fd).LinkTarget; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; } // closed while we looked
            if (target is ['s', 'o', 'c', 'k', 'e', 't', ':', '[', .. var rest] && long.TryParse(rest.TrimEnd(']'), CultureInfo.InvariantCulture, out var inode))
                inodes.Add(inode);
        }
        return inodes;
    }

    /// <summary>This process's TCP sockets (IPv4 and IPv6), or those of them among <paramref name="own"/>.</summary>
    public static IReadOnlyList<TcpSocketEntry> OwnTcpSockets(HashSet<long>? own = null)
    {
        own ??= OwnSocketInodes();
        return Table("/proc/net/tcp").Concat(Table("/proc/net/tcp6")).Where(e => own.Contains(e.Inode)).ToArray();
    }

    private static IEnumerable<TcpSocketEntry> Table(string path)
    {
        if (!File.Exists(path)) yield break;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 10 || !long.TryParse(columns[9], CultureInfo.InvariantCulture, out var inode) || inode == 0) continue;
            var state = int.Parse(columns[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            yield return new TcpSocketEntry(inode, Port(columns[1]), Port(columns[2]), state < States.Length ? States[state] : $"0x{state:X2}");
        }
    }

    private static int Port(string address) => int.Parse(address[(address.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
