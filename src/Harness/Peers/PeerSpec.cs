using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Accept;
using ChaosFeatures.EvilPeer.Peers.Consume;
using ChaosFeatures.EvilPeer.Peers.Echo;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.Harness.Servers;

namespace ChaosFeatures.Harness.Peers;

/// <summary>
/// A named peer's fault table as Given steps build it, one aspect per step, before it starts.
/// A step that contradicts an earlier one (serving, then never reading) or does not fit the peer's
/// mode is an error that says which step would fit, so a feature cannot silently mean two things.
/// </summary>
public sealed class PeerSpec(string name)
{
    /// <summary>A peer that never reads, or stops, advertises a small window, so a client's sends stall sooner (the client's own send buffer still absorbs megabytes).</summary>
    private const int StallingReceiveBuffer = 4096;

    private string? _mode;
    private Func<byte[]>? _payload;
    private byte[]? _resolvedPayload;
    private int _slice, _delay, _hold, _readSize = 16 * 1024;
    private long _closeAfter = -1, _stopAfter = -1;
    private bool _hardReset, _halfOpen;
    private AcceptFault? _acceptFault;
    private HttpSpec? _http;
    private TlsSpec? _tls;

    public string Name { get; } = name;
    public bool Forked { get; private set; }
    public ProxySpec? Proxy { get; private set; }

    /// <summary>Set when the name stands for a real server (e.g. redis) rather than an evil peer: only a proxy can misbehave in front of it.</summary>
    public RealServerKind? RealServer { get; private set; }

    /// <summary>What a download from this peer should get in full: its served payload or HTTP body, or null when it does not serve.</summary>
    public byte[]? ServedPayload => _mode switch
    {
        "serve" => _resolvedPayload ??= (_payload?.Invoke() ?? []),
        "http" => _http!.Body,
        _ => null,
    };

    /// <summary>The HTTP script's aspects, for a peer defined as an HTTP peer.</summary>
    public HttpSpec Http => _http ?? throw new InvalidOperationException(
        $"evil peer \"{Name}\" is {(_mode is null ? "not defined as anything yet" : $"a {_mode} peer")}, not an HTTP peer; " +
        $"define it with 'Given an HTTP peer \"{Name}\" answering 200 with 1000 bytes'");

    /// <summary>The peer's own TLS (its clients then speak TLS to it, through a plain proxy too); null = plain TCP.</summary>
    public TlsSpec? OwnTls => _tls;

    /// <summary>Clients of this peer speak TLS: the peer does, or its proxy's listener does.</summary>
    public bool ClientsSpeakTls => _tls is not null || Proxy?.Tls is not null;

    public bool NeverReads => _mode == "consume" && _readSize == 0;

    /// <param name="payload">Called when the peer starts, so the pinned seeds step may come after this one.</param>
    public void Serve(Func<byte[]> payload)
    {
        SetMode("serve");
        _payload = payload;
    }

    public void Consume(int readSize)
    {
        SetMode("consume");
        _readSize = readSize;
    }

    public void Echo() => SetMode("echo");

    public HttpSpec ServeHttp(int status, int bodyLength, Func<byte[]> body)
    {
        SetMode("http");
        return _http = new HttpSpec(Name, status, bodyLength, body);
    }

    /// <summary>The peer's TLS, created by its first TLS step ("speaks TLS", a certificate, a fault).</summary>
    public TlsSpec Tls()
    {
        NotReal("TLS on the server itself");
        if (Proxy?.Tls is not null)
            throw new InvalidOperationException($"the proxy of peer \"{Name}\" already speaks TLS to its clients, so \"{Name}\" itself stays plain " +
                "(the proxy's upstream leg is TCP); put the TLS steps on one of them");
        return _tls ??= new TlsSpec($"evil peer \"{Name}\"");
    }

    /// <summary>TLS on the listener of the peer's proxy (which it implies), created by the first such step.</summary>
    public TlsSpec ProxyTls()
    {
        if (_tls is not null)
            throw new InvalidOperationException($"evil peer \"{Name}\" already speaks TLS itself, and the proxy's upstream leg is TCP; " +
                "put the TLS steps on the peer or on its proxy, not both");
        var proxy = Fronted();
        return proxy.Tls ??= new TlsSpec($"the proxy of peer \"{Name}\"");
    }

    public void Real(RealServerKind kind)
    {
        SetMode("real");
        if (Forked || _acceptFault is not null || _tls is not null)
            throw new InvalidOperationException($"\"{Name}\" already has evil-peer faults (forked, accept, TLS); a real server takes faults only through its proxy");
        RealServer = kind;
    }

    public void Accept(AcceptFault fault)
    {
        NotReal("an accept fault");
        if (_acceptFault is not null && _acceptFault != fault)
            throw new InvalidOperationException($"evil peer \"{Name}\" already has the accept fault {_acceptFault.Kind}; a peer has one");
        _acceptFault = fault;
    }

    public void Slice(int bytes) => _slice = Need("serve", "slices output into N-byte chunks", bytes);
    public void DelayBetweenChunks(int ms) => _delay = Need("serve", "delays N ms between chunks", ms);
    public void CloseAfter(int bytes) => _closeAfter = Need("serve", "closes after N bytes", bytes);

    public void ResetAfter(int bytes)
    {
        _closeAfter = Need("serve", "resets after N bytes", bytes);
        _hardReset = true;
    }

    public void HalfOpenAfter(int bytes)
    {
        _closeAfter = Need("serve", "goes half-open after N bytes", bytes);
        _halfOpen = true;
    }

    public void StopReadingAfter(int bytes) => _stopAfter = Need("consume", "stops reading after N bytes", bytes);
    public void DelayBetweenReads(int ms) => _delay = Need("consume", "delays N ms between reads", ms);
    public void Hold(int ms) => _hold = Need("serve|consume", "holds the connection for N ms", ms);

    public void HardReset()
    {
        Need("serve|consume", "uses a hard reset", 0);
        _hardReset = true;
    }

    public void RunForked()
    {
        NotReal("running as a forked peer");
        Forked = true;
    }

    public ProxySpec Fronted() => Proxy ??= new ProxySpec(Name);

    /// <summary>The validated options; the EvilPeer's own validation names any out-of-range value.</summary>
    public PeerOptions ToOptions()
    {
        PeerBehaviour behaviour = _mode switch
        {
            "consume" => new ConsumeBehaviour(_readSize, _delay, _stopAfter, _hold, _hardReset),
            "echo" => new EchoBehaviour(),
            "http" => new HttpBehaviour(_http!.ToScript()),
            // A peer defined only by an accept fault serves nothing: what the client sees is the fault.
            _ => new ServeBehaviour(ServedPayload ?? [], _slice, _delay, _closeAfter, _hardReset, _hold, _halfOpen),
        };
        var stalls = _mode == "consume" && (_readSize == 0 || _stopAfter >= 0);
        return new PeerOptions(Name, behaviour, acceptFault: _acceptFault, receiveBufferSize: stalls ? StallingReceiveBuffer : 0, tls: _tls?.ToOptions());
    }

    private void NotReal(string fault)
    {
        if (RealServer is not null)
            throw new InvalidOperationException($"\"{Name}\" is a real {RealServer.Name} server: {fault} is for evil peers; front it with a toxic proxy instead");
    }

    private void SetMode(string mode)
    {
        if (_mode is not null && _mode != mode)
            throw new InvalidOperationException($"evil peer \"{Name}\" is already a {_mode} peer; it cannot also be a {mode} peer (use another name)");
        _mode = mode;
    }

    /// <summary>Checks a fault fits the peer's mode (<paramref name="modes"/>: one or several separated by |).</summary>
    private int Need(string modes, string phrase, int value)
    {
        if (_mode is null)
            throw new InvalidOperationException($"evil peer \"{Name}\" {phrase}: say first what it does (serving, reading, echoing, HTTP)");
        if (!modes.Split('|').Contains(_mode))
            throw new InvalidOperationException($"evil peer \"{Name}\" {phrase}: that fault is for {modes.Replace("|", " or ")} peers, and \"{Name}\" is a {_mode} peer");
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, $"evil peer \"{Name}\" {phrase}: N must be >= 0");
        return value;
    }
}
