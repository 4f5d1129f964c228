namespace ChaosFeatures.Harness.Leaks;

/// <summary>One row of /proc/net/tcp or tcp6: a socket's inode, ports and TCP state (ESTABLISHED, CLOSE_WAIT, ...).</summary>
public sealed record TcpSocketEntry(long Inode, int LocalPort, int RemotePort, string State)
{
    public override string ToString() => $"socket inode {Inode} local port {LocalPort} remote port {RemotePort} state {State}";
}
