using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Accept;
using ChaosFeatures.EvilPeer.Peers.Consume;
using ChaosFeatures.EvilPeer.Peers.Echo;
using ChaosFeatures.EvilPeer.Peers.Serve;

namespace ChaosFeatures.Harness.Peers;

/// <summary>
/// A named evil peer's fault table as Given steps build it, one aspect per step, before it starts.
/// A step that contradicts an earlier one (serving, then never reading) or does not fit the peer's
/// mode is an error that says which step would fit, so a feature cannot silently mean two things.
/// </summary>
public sealed class EvilPeerSpec(string name) : PeerSpec(name)
{
    /// <summary>A peer that never reads, or stops, advertises a small window, so a client's sends stall sooner (the client's own send buffer still absorbs megabytes).</summary>
    private const int StallingReceiveBuffer = 4096;

    private Func<byte[]>? _payload;
    private byte[]? _resolvedPayload;
    private int _slice, _delay, _hold, _readSize = 16 * 1024;
    private long _closeAfter = -1, _stopAfter = -1;
    private bool _hardReset, _halfOpen;
    private AcceptFault? _acceptFault;
    private HttpSpec? _http;
    private TlsSpec? _tls;

    /// <summary>What it does with each connection once a step said so; null while only an accept fault defines it.</summary>
    public PeerMode? Mode { get; private set; }

    public bool Forked { get; private set; }

    /// <summary>Its served payload or HTTP body, or null when it does not serve.</summary>
    public override byte[]? ServedPayload => Mode switch
    {
        PeerMode.Serve => _resolvedPayload ??= (_payload?.Invoke() ?? []),
        PeerMode.Http => _http!.Body,
        _ => null,
    };

    /// <summary>The HTTP script's aspects, for a peer defined as an HTTP peer.</summary>
    public HttpSpec Http => _http ?? throw new InvalidOperationException(
        $"evil peer \"{Name}\" is {(Mode is { } mode ? $"a {PeerModes.Name(mode)} peer" : "not defined as anything yet")}, not an HTTP peer; " +
        $"define it with 'Given an HTTP peer \"{Name}\" answering 200 with 1000 bytes'");

    /// <summary>The peer speaks TLS itself (its clients then speak TLS to it, through a plain proxy too), or its proxy's listener does.</summary>
    public override bool ClientsSpeakTls => _tls is not null || base.ClientsSpeakTls;

    public bool NeverReads => Mode == PeerMode.Consume && _readSize == 0;

    /// <param name="payload">Called when the peer starts, so the pinned seeds step may come after this one.</param>
    public void Serve(Func<byte[]> payload)
    {
        SetMode(PeerMode.Serve);
        _payload = payload;
    }

    public void Consume(int readSize)
    {
        SetMode(PeerMode.Consume);
        _readSize = readSize;
    }

    public void Echo() => SetMode(PeerMode.Echo);

    public HttpSpec ServeHttp(int status, int bodyLength, Func<byte[]> body)
    {
        SetMode(PeerMode.Http);
        return _http = new HttpSpec(Name, status, bodyLength, body);
    }

    /// <summary>The peer's TLS, created by its first TLS step ("speaks TLS", a certificate, a fault).</summary>
    public TlsSpec Tls()
    {
        if (Proxy?.Tls is not null)
            throw new InvalidOperationException($"the proxy of peer \"{Name}\" already speaks TLS to its clients, so \"{Name}\" itself stays plain " +
                "(the proxy's upstream leg is TCP); put the TLS steps on one of them");
        return _tls ??= new TlsSpec($"evil peer \"{Name}\"");
    }

    public override TlsSpec ProxyTls()
    {
        if (_tls is not null)
            throw new InvalidOperationException($"evil peer \"{Name}\" already speaks TLS itself, and the proxy's upstream leg is TCP; " +
                "put the TLS steps on the peer or on its proxy, not both");
        return base.ProxyTls();
    }

    public void Accept(AcceptFault fault)
    {
        if (_acceptFault is not null && _acceptFault != fault)
            throw new InvalidOperationException($"evil peer \"{Name}\" already has the accept fault {_acceptFault.Kind}; a peer has one");
        _acceptFault = fault;
    }

    public void Slice(int bytes) => _slice = Need("slices output into N-byte chunks", bytes, PeerMode.Serve);
    public void DelayBetweenChunks(int ms) => _delay = Need("delays N ms between chunks", ms, PeerMode.Serve);
    public void CloseAfter(int bytes) => _closeAfter = Need("closes after N bytes", bytes, PeerMode.Serve);

    public void ResetAfter(int bytes)
    {
        _closeAfter = Need("resets after N bytes", bytes, PeerMode.Serve);
        _hardReset = true;
    }

    public void HalfOpenAfter(int bytes)
    {
        _closeAfter = Need("goes half-open after N bytes", bytes, PeerMode.Serve);
        _halfOpen = true;
    }

    public void StopReadingAfter(int bytes) => _stopAfter = Need("stops reading after N bytes", bytes, PeerMode.Consume);
    public void DelayBetweenReads(int ms) => _delay = Need("delays N ms between reads", ms, PeerMode.Consume);
    public void Hold(int ms) => _hold = Need("holds the connection for N ms", ms, PeerMode.Serve, PeerMode.Consume);

    public void HardReset()
    {
        Need("uses a hard reset", 0, PeerMode.Serve, PeerMode.Consume);
        _hardReset = true;
    }

    public void RunForked() => Forked = true;

    /// <summary>The validated options; the EvilPeer's own validation names any out-of-range value.</summary>
    public PeerOptions ToOptions()
    {
        PeerBehaviour behaviour = Mode switch
        {
            PeerMode.Consume => new ConsumeBehaviour(_readSize, _delay, _stopAfter, _hold, _hardReset),
            PeerMode.Echo => new EchoBehaviour(),
            PeerMode.Http => new HttpBehaviour(_http!.ToScript()),
            // A peer defined only by an accept fault serves nothing: what the client sees is the fault.
            _ => new ServeBehaviour(ServedPayload ?? [], _slice, _delay, _closeAfter, _hardReset, _hold, _halfOpen),
        };
        var stalls = Mode == PeerMode.Consume && (_readSize == 0 || _stopAfter >= 0);
        return new PeerOptions(Name, behaviour, acceptFault: _acceptFault, receiveBufferSize: stalls ? StallingReceiveBuffer : 0, tls: _tls?.ToOptions());
    }

    private void SetMode(PeerMode mode)
    {
        if (Mode is { } already && already != mode)
            throw new InvalidOperationException(
                $"evil peer \"{Name}\" is already a {PeerModes.Name(already)} peer; it cannot also be a {PeerModes.Name(mode)} peer (use another name)");
        Mode = mode;
    }

    /// <summary>Checks a fault fits the peer's mode, one of <paramref name="modes"/>.</summary>
    private int Need(string phrase, int value, params PeerMode[] modes)
    {
        if (Mode is not { } mode)
            throw new InvalidOperationException($"evil peer \"{Name}\" {phrase}: say first what it does (serving, reading, echoing, HTTP)");
        if (!modes.Contains(mode))
            throw new InvalidOperationException($"evil peer \"{Name}\" {phrase}: that fault is for {string.Join(" or ", modes.Select(PeerModes.Name))} peers, " +
                $"and \"{Name}\" is a {PeerModes.Name(mode)} peer");
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, $"evil peer \"{Name}\" {phrase}: N must be >= 0");
        return value;
    }
}
