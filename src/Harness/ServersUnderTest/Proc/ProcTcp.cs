using System.Globalization;

namespace ChaosFeatures.Harness.ServersUnderTest.Proc;

/// <summary>
/// Another process's TCP sockets, from its /proc/PID/fd links (socket:[inode]) matched against
/// /proc/PID/net/tcp and tcp6. Reading those tables walks the machine's connection table (a few
/// ms): fine for watching one server, too slow for a per-scenario leak check (see Leaks/SocketProbe).
/// </summary>
internal static class ProcTcp
{
    public const string Listen = "0A", Established = "01", CloseWait = "08";

    public readonly record struct Entry(long Inode, int LocalPort, string State);

    /// <summary>The TCP sockets <paramref name="pid"/> holds; empty when it is gone.</summary>
    public static IReadOnlyList<Entry> Of(int pid)
    {
        HashSet<long> inodes = SocketInodes(pid);
        if (inodes.Count == 0) return [];
        var entries = new List<Entry>();
        foreach (string table in (string[])["tcp", "tcp6"])
        {
            string[] lines;
            try { lines = File.ReadAllLines($"/proc/{pid}/net/{table}"); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (string line in lines.Skip(1))
            {
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
                string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 10 || !long.TryParse(f[9], CultureInfo.InvariantCulture, out long inode) || !inodes.Contains(inode)) continue;
                int colon = f[1].LastIndexOf(':');
                if (colon < 0 || !int.TryParse(f[1][(colon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int port)) continue;
                entries.Add(new Entry(inode, port, f[3]));
            }
        }
        return entries;
    }

    /// <summary>How many descriptors <paramref name="pid"/> has open; 0 when it is gone.</summary>
    public static int OpenFds(int pid)
    {
        try { return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }

    private static HashSet<long> SocketInodes(int pid)
    {
        var inodes = new HashSet<long>();
        IEnumerable<string> fds;
        try { fds = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").ToArray(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return inodes; }
        foreach (string fd in fds)
        {
            string? target;
            try { target = new FileInfo(fd).LinkTarget; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; } // closed while we looked
            if (target is ['s', 'o', 'c', 'k', 'e', 't', ':', '[', .. var rest]
                && long.TryParse(rest.TrimEnd(']'), CultureInfo.InvariantCulture, out long inode))
                inodes.Add(inode);
        }
        return inodes;
    }
}
