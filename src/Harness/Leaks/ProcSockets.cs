using System.Globalization;

namespace ChaosFeatures.Harness.Leaks;

/// <summary>Linux's view of this process's sockets: the /proc/self/fd links (socket:[inode]), probed one by one.</summary>
internal static class ProcSockets
{
    public const string Unavailable = "leak check unavailable on this OS (needs Linux /proc)";

    public static bool Available => OperatingSystem.IsLinux() && Directory.Exists("/proc/self/fd");

    /// <summary>Inodes of the sockets this process holds open now.</summary>
    public static HashSet<long> OwnSocketInodes() => [.. OwnSockets().Keys];

    /// <summary>This process's open sockets: inode -> descriptor.</summary>
    public static Dictionary<long, int> OwnSockets()
    {
        var sockets = new Dictionary<long, int>();
        foreach (var path in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            string? target;
            try { target = new FileInfo(path).LinkTarget; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; } // closed while we looked
            if (target is ['s', 'o', 'c', 'k', 'e', 't', ':', '[', .. var rest]
                && long.TryParse(rest.TrimEnd(']'), CultureInfo.InvariantCulture, out var inode)
                && int.TryParse(Path.GetFileName(path), CultureInfo.InvariantCulture, out var fd))
                sockets[inode] = fd;
        }
        return sockets;
    }

    /// <summary>The TCP sockets among <paramref name="sockets"/> (inode -> descriptor), with ports and state.</summary>
    public static IReadOnlyList<TcpSocketEntry> Describe(IReadOnlyDictionary<long, int> sockets) =>
        [.. sockets.Select(s => SocketProbe.Describe(s.Value, s.Key)).OfType<TcpSocketEntry>()];
}
