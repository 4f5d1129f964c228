using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Harness.Clients;

namespace ChaosFeatures.Harness.Counters;

/// <summary>
/// Named counters of one scenario (<c>io_download_ok_C</c>, <c>evil_peer_served_EP</c>, ...). Thread-safe.
/// Reading a counter nobody registered is an error listing the known ones, so a typo in a feature
/// cannot pass as "equals 0"; recording a transfer registers its whole family at once.
/// </summary>
public sealed class ChaosCounters
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _counters = new(StringComparer.Ordinal);

    public long Get(string name)
    {
        if (_counters.TryGetValue(name, out var box)) return Interlocked.Read(ref box.Value);
        var known = _counters.IsEmpty ? "none yet" : string.Join(", ", Names);
        throw new ArgumentException($"counter '{name}' is unknown; known: {known}", nameof(name));
    }

    public void Set(string name, long value) => Interlocked.Exchange(ref Box(name).Value, value);

    public long Increment(string name, long by = 1) => Interlocked.Add(ref Box(name).Value, by);

    /// <summary>Makes <paramref name="name"/> readable as 0 without changing it if it exists.</summary>
    public void Register(string name) => Box(name);

    public IReadOnlyList<string> Names => _counters.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>A download by task <paramref name="task"/>: attempts, ok/cancelled/failed, received bytes.</summary>
    public void RecordDownload(string task, TransferResult result) => RecordTransfer("download", task, result);

    /// <summary>An upload by task <paramref name="task"/>: attempts, ok/cancelled/failed, sent and received bytes.</summary>
    public void RecordUpload(string task, TransferResult result) => RecordTransfer("upload", task, result);

    /// <summary>A line exchange by task <paramref name="task"/>: attempts, ok/cancelled/failed, sent and received bytes.</summary>
    public void RecordExchange(string task, TransferResult result) => RecordTransfer("exchange", task, result);

    /// <summary>
    /// An HTTP request by task <paramref name="task"/>: as a transfer (<c>io_request_ok_C</c>, ...), plus the attempts
    /// that went out (<c>http_attempts_C</c>) and the final status (<c>http_status_503_C</c>).
    /// </summary>
    public void RecordRequest(string task, HttpCallResult result)
    {
        RecordTransfer("request", task, result.Transfer);
        Increment(CounterNames.HttpAttempts(task), result.Attempts);
        if (result.Status is { } status) Increment(CounterNames.HttpStatus(status, task));
    }

    /// <summary>A user's own client call by task <paramref name="task"/> (<c>io_call_*</c>): attempts, ok/cancelled/failed, received bytes.</summary>
    public void RecordCall(string task, TransferResult result) => RecordTransfer("call", task, result);

    /// <summary>Registers a peer's family (<c>evil_peer_served_EP</c>, <c>evil_peer_read_bytes_EP</c>) at 0.</summary>
    public void RegisterPeer(string peer)
    {
        Register(CounterNames.PeerServed(peer));
        Register(CounterNames.PeerReadBytes(peer));
    }

    /// <summary>A peer's live stats as counters (<c>evil_peer_served_EP</c>, <c>..._read_bytes_EP</c>, <c>..._accepted_EP</c>): a snapshot, so call it before reading them.</summary>
    public void RecordPeer(string peer, PeerStats stats)
    {
        Set(CounterNames.PeerServed(peer), stats.BytesServed);
        Set(CounterNames.PeerReadBytes(peer), stats.BytesRead);
        Set(CounterNames.PeerAccepted(peer), stats.ConnectionsAccepted);
        Set(CounterNames.Peer("http_requests", peer), stats.HttpRequests.Count);
        Set(CounterNames.Peer("tls_handshakes", peer), stats.TlsHandshakes);
        Set(CounterNames.Peer("tls_faults", peer), stats.TlsFaults);
        Set(CounterNames.Peer("tls_failures", peer), stats.TlsFailures);
    }

    /// <summary>The TLS counters of a peer's proxy listener (<c>evil_proxy_tls_handshakes_EP</c>, ...): a snapshot.</summary>
    public void RecordProxyTls(string peer, EvilPeer.Tls.TlsCounters tls)
    {
        Set(CounterNames.ProxyTls("handshakes", peer), tls.Handshakes);
        Set(CounterNames.ProxyTls("faults", peer), tls.Faults);
        Set(CounterNames.ProxyTls("failures", peer), tls.Failures);
    }

    /// <summary>An evil client's live stats as counters (<c>evil_client_open_E</c>, ...): a snapshot, so call it before reading them.</summary>
    public void RecordEvilClient(string client, EvilClientStats stats)
    {
        Set(CounterNames.EvilClient("attempts", client), stats.ConnectAttempts);
        Set(CounterNames.EvilClient("connected", client), stats.Connected);
        Set(CounterNames.EvilClient("open", client), stats.Open);
        Set(CounterNames.EvilClient("refused", client), stats.Refused);
        Set(CounterNames.EvilClient("connect_timeouts", client), stats.ConnectTimeouts);
        Set(CounterNames.EvilClient("server_fin", client), stats.ServerClosed);
        Set(CounterNames.EvilClient("server_rst", client), stats.ServerResets);
        Set(CounterNames.EvilClient("sent_bytes", client), stats.BytesSent);
        Set(CounterNames.EvilClient("received_bytes", client), stats.BytesReceived);
    }

    /// <summary>A server under test's /proc snapshot as counters (<c>server_open_fds_S</c>, ...).</summary>
    public void RecordServer(string server, ServerSnapshot snapshot)
    {
        Set(CounterNames.Server("alive", server), snapshot.Alive ? 1 : 0);
        Set(CounterNames.Server("rss_kb", server), snapshot.RssKb);
        Set(CounterNames.Server("threads", server), snapshot.Threads);
        Set(CounterNames.Server("open_fds", server), snapshot.OpenFds);
        Set(CounterNames.Server("established", server), snapshot.Established);
        Set(CounterNames.Server("close_wait", server), snapshot.CloseWait);
    }

    private void RecordTransfer(string direction, string task, TransferResult result)
    {
        foreach (var name in CounterNames.TransferFamily(direction, task)) Register(name);
        Increment(CounterNames.Io(direction, "attempts", task));
        var verdict = result.Outcome switch
        {
            Outcome.Completed => "ok",
            Outcome.Cancelled => "cancelled",
            _ => "failed",
        };
        Increment(CounterNames.Io(direction, verdict, task));
        Increment(CounterNames.RecvBytes(task), result.BytesReceived);
        Increment(CounterNames.SentBytes(task), result.BytesSent);
    }

    private StrongBox<long> Box(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _counters.GetOrAdd(name, static _ => new StrongBox<long>());
    }
}
