namespace ChaosFeatures.Harness.EventLog;

/// <summary>
/// The names of the harness's own events (<see cref="ChaosEvent.Name"/>; the peers' are <see cref="EvilPeer.Events.PeerEventNames"/>),
/// for the emitters and for whoever reads them back. Committed event logs hold these: never change one.
/// </summary>
public static class ChaosEventNames
{
    // The case's seeds (kind seeds) and the scheduler's picks (kind sched).
    public const string Seeds = "seeds";
    public const string Pick = "pick";

    // A task's client, one transfer or HTTP request: connected, its reads and writes summed, how it ended.
    public const string Connect = "connect";
    public const string TlsHandshake = "tls_handshake";
    public const string HttpAttempt = "http_attempt";
    public const string HttpResponse = "http_response";
    public const string Reads = "reads";
    public const string Writes = "writes";
    public const string Outcome = "outcome";

    // A task's other actions.
    public const string Open = "open";
    public const string Call = "call";
    public const string Sleep = "sleep";
    public const string Cancel = "cancel";
    public const string ProxyDown = "proxy_down";
    public const string ProxyUp = "proxy_up";
    public const string ProxyToxic = "proxy_toxic";
    public const string ProxyClear = "proxy_clear";
    public const string ProxyReset = "proxy_reset";
    public const string ProxyConnectionSeen = "proxy_connection_seen";
    public const string ProxyClientSent = "proxy_client_sent";

    // A faulty stream's faults (kind fault).
    public const string FailEveryNth = "fail_every_nth";
    public const string FailAfterN = "fail_after_n";
    public const string Timeout = "timeout";
    public const string PartialRead = "partial_read";
    public const string ReturnError = "return_error";
    public const string Corrupt = "corrupt";

    // Invariants (kind invariant): the steps' checks, then the scenario's end.
    public const string PayloadIntact = "payload_intact";
    public const string CleanPrefix = "clean_prefix";
    public const string OutcomeIn = "outcome_in";
    public const string NoOrphans = "no_orphans";
    public const string NoLeaks = "no_leaks";

    /// <summary>A replay's decisions differ from the frozen failure's (kind replay).</summary>
    public const string ReplayDrift = "replay_drift";

    // A server under test's life, in the peers' shape (kind peer).
    public const string ServerStart = "start";
    public const string ServerListening = "listening";
    public const string ServerSignal = "signal";
    public const string ServerExit = "exit";
    public const string ServerProbe = "probe";
}
