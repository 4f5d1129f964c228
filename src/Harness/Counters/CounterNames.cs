namespace ChaosFeatures.Harness.Counters;

/// <summary>The counter names features use, built in one place so steps and reports agree.</summary>
public static class CounterNames
{
    /// <summary><c>io_{download|upload|exchange|call}_{attempts|ok|cancelled|failed}_{task}</c>.</summary>
    public static string Io(string direction, string what, string task) => $"io_{direction}_{what}_{task}";

    public static string RecvBytes(string task) => $"io_recv_bytes_{task}";
    public static string SentBytes(string task) => $"io_sent_bytes_{task}";

    /// <summary>Counters taken from a peer's stats (which, for a forked peer, arrive as events a little late) start with this.</summary>
    public const string PeerPrefix = "evil_peer_";

    public static string PeerServed(string peer) => $"evil_peer_served_{peer}";
    public static string PeerReadBytes(string peer) => $"evil_peer_read_bytes_{peer}";
    public static string PeerAccepted(string peer) => $"evil_peer_accepted_{peer}";

    /// <summary>Counters taken from an evil client's live stats start with this.</summary>
    public const string EvilClientPrefix = "evil_client_";

    /// <summary>Counters taken from a server under test's /proc snapshot start with this.</summary>
    public const string ServerPrefix = "server_";

    /// <summary>Counters that are snapshots of something still moving: a step reads them again for a moment until they say what it expects.</summary>
    public static bool IsLive(string name) =>
        name.StartsWith(PeerPrefix, StringComparison.Ordinal) || name.StartsWith(EvilClientPrefix, StringComparison.Ordinal) ||
        name.StartsWith(ServerPrefix, StringComparison.Ordinal);

    /// <summary><c>evil_peer_{what}_{peer}</c>: also http_requests, tls_handshakes, tls_faults, tls_failures.</summary>
    public static string Peer(string what, string peer) => $"{PeerPrefix}{what}_{peer}";

    /// <summary><c>evil_proxy_tls_{what}_{peer}</c>: handshakes, faults, failures of the TLS listener of the peer's proxy.</summary>
    public static string ProxyTls(string what, string peer) => $"evil_proxy_tls_{what}_{peer}";

    /// <summary><c>http_attempts_{task}</c>: requests that went out on the wire, retries included.</summary>
    public static string HttpAttempts(string task) => $"http_attempts_{task}";

    /// <summary><c>http_status_{code}_{task}</c>: final responses with that status.</summary>
    public static string HttpStatus(int status, string task) => $"http_status_{status}_{task}";

    /// <summary><c>evil_client_{what}_{client}</c>: attempts, connected, open, refused, connect_timeouts, server_fin, server_rst, sent_bytes, received_bytes.</summary>
    public static string EvilClient(string what, string client) => $"{EvilClientPrefix}{what}_{client}";

    /// <summary><c>server_{what}_{server}</c>: alive, rss_kb, threads, open_fds, established, close_wait.</summary>
    public static string Server(string what, string server) => $"{ServerPrefix}{what}_{server}";

    internal static IEnumerable<string> TransferFamily(string direction, string task) =>
    [
        Io(direction, "attempts", task), Io(direction, "ok", task), Io(direction, "cancelled", task), Io(direction, "failed", task),
        RecvBytes(task), SentBytes(task),
    ];
}
