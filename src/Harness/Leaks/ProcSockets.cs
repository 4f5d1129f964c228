using System.Runtime.InteropServices;

namespace ChaosFeatures.Harness.Leaks;

/// <summary>
/// Linux's view of this process's sockets: the descriptors listed in /proc/self/fd, each asked with statx
/// whether it is a socket and which inode it has.
/// </summary>
/// <remarks>
/// Every scenario's leak check lists its sockets once (see <see cref="SocketCensus"/>), so the listing must cost
/// microseconds per descriptor: .NET's directory enumeration stats each /proc/self/fd link through its path (about 7 µs each,
/// 1.2 ms for a test host's 170 descriptors), and reading the link target costs as much again; libc's readdir
/// plus one statx on the descriptor itself costs a quarter of that.
/// </remarks>
internal static class ProcSockets
{
    public const string Unavailable = "leak check unavailable on this OS (needs Linux /proc)";

    private const string FdDirectory = "/proc/self/fd";
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1, StatxIno = 0x100;
    private const int StatxModeOffset = 28, StatxInoOffset = 32, StatxSize = 256;
    private const ushort FileTypeMask = 0xF000, SocketType = 0xC000;

    // glibc's struct dirent (dirent64) on 64-bit Linux: d_ino 8, d_off 8, d_reclen 2, d_type 1, then d_name.
    private const int DirentNameOffset = 19;

    private static readonly byte[] EmptyPath = [0];

    public static bool Available { get; } = OperatingSystem.IsLinux() && Directory.Exists(FdDirectory);

    /// <summary>Inodes of the sockets this process holds open now.</summary>
    public static HashSet<long> OwnSocketInodes() => [.. OwnSockets().Keys];

    /// <summary>This process's open sockets: inode -> descriptor.</summary>
    public static Dictionary<long, int> OwnSockets()
    {
        var sockets = new Dictionary<long, int>();
        var directory = opendir(FdDirectory);
        if (directory == 0) throw new IOException($"cannot list {FdDirectory} (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            var status = new byte[StatxSize];
            for (var entry = readdir(directory); entry != 0; entry = readdir(directory))
            {
                // A descriptor closed while we look fails statx (EBADF) and is skipped; "." and ".." are not numbers.
                if (Descriptor(entry + DirentNameOffset) is { } fd && SocketInode(fd, status) is { } inode)
                    sockets[inode] = fd;
            }
        }
        finally
        {
            _ = closedir(directory);
        }
        return sockets;
    }

    /// <summary>Whether <paramref name="fd"/> still holds the socket <paramref name="inode"/> (a closed descriptor may since hold another file).</summary>
    public static bool StillOpen(int fd, long inode) => SocketInode(fd, new byte[StatxSize]) == inode;

    private static long? SocketInode(int fd, byte[] status) =>
        statx(fd, EmptyPath, AtEmptyPath, StatxType | StatxIno, status) == 0
        && (BitConverter.ToUInt16(status, StatxModeOffset) & FileTypeMask) == SocketType
            ? (long)BitConverter.ToUInt64(status, StatxInoOffset)
            : null;

    /// <summary>The TCP sockets among <paramref name="sockets"/> (inode -> descriptor), with ports and state.</summary>
    public static IReadOnlyList<TcpSocketEntry> Describe(IReadOnlyDictionary<long, int> sockets) =>
        [.. sockets.Select(s => SocketProbe.Describe(s.Value, s.Key)).OfType<TcpSocketEntry>()];

    /// <summary>The entry's name as a descriptor number, or null for a name that is not one.</summary>
    private static int? Descriptor(nint name)
    {
        int fd = 0, length = 0;
        for (byte c; (c = Marshal.ReadByte(name, length)) != 0; length++)
        {
            if (c is < (byte)'0' or > (byte)'9' || length > 9) return null;
            fd = fd * 10 + (c - '0');
        }
        return length == 0 ? null : fd;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern nint opendir(string path);

    [DllImport("libc")]
    private static extern nint readdir(nint directory);

    [DllImport("libc")]
    private static extern int closedir(nint directory);

    [DllImport("libc")]
    private static extern int statx(int directoryFd, byte[] path, int flags, uint mask, byte[] status);
}
