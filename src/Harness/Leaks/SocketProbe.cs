using System.Runtime.InteropServices;

namespace ChaosFeatures.Harness.Leaks;

/// <summary>
/// Asks the kernel about one of this process's socket descriptors directly: its ports
/// (getsockname/getpeername) and TCP state (TCP_INFO). Cheap, unlike reading /proc/net/tcp,
/// whose every read walks the machine's whole connection hash table (~5 ms here).
/// </summary>
internal static class SocketProbe
{
    private const ushort AfInet = 2, AfInet6 = 10;
    private const int IpProtoTcp = 6, TcpInfo = 11;

    // Numbering of the kernel's enum (include/net/tcp_states.h), as /proc/net/tcp shows it too.
    private static readonly string[] States =
        ["?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"];

    /// <summary>The TCP socket behind <paramref name="fd"/>, or null when it is not an IPv4/IPv6 TCP socket (or is gone).</summary>
    /// <remarks>A socket whose connection was reset has no peer any more: its remote port reads 0.</remarks>
    public static TcpSocketEntry? Describe(int fd, long inode)
    {
        var address = new byte[128];
        var length = address.Length;
        if (getsockname(fd, address, ref length) != 0) return null;
        var family = BitConverter.ToUInt16(address, 0);
        if (family is not (AfInet or AfInet6)) return null;
        var localPort = Port(address);

        var info = new byte[8];
        var infoLength = info.Length;
        if (getsockopt(fd, IpProtoTcp, TcpInfo, info, ref infoLength) != 0) return null; // not TCP
        var state = info[0] < States.Length ? States[info[0]] : $"0x{info[0]:X2}";

        length = address.Length;
        var remotePort = getpeername(fd, address, ref length) == 0 ? Port(address) : 0;
        return new TcpSocketEntry(inode, localPort, remotePort, state);
    }

    // sockaddr_in and sockaddr_in6 both carry the port in bytes 2..3, in network order.
    private static int Port(byte[] address) => address[2] << 8 | address[3];

    [DllImport("libc", SetLastError = true)]
    private static extern int getsockname(int fd, byte[] address, ref int length);

    [DllImport("libc", SetLastError = true)]
    private static extern int getpeername(int fd, byte[] address, ref int length);

    [DllImport("libc", SetLastError = true)]
    private static extern int getsockopt(int fd, int level, int option, byte[] value, ref int length);
}
