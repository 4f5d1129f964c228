using System.Net;
using ChaosFeatures.EvilPeer.Peers.Accept;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>
/// One peer's fault table: who it is, where it listens, what it does per connection and how
/// it misbehaves at accept. Immutable and validated here, where it enters; nothing deeper re-checks.
/// </summary>
public sealed record PeerOptions
{
    public const int MaxNameLength = 64;
    public const int MaxSocketBufferSize = 16 * 1024 * 1024;
    public const int MaxMaxConnections = 100_000;

    /// <param name="name">The actor in events, e.g. <c>EP</c>.</param>
    /// <param name="behaviour">What every accepted connection gets.</param>
    /// <param name="listen">Where to listen; default 127.0.0.1:0 (any free port, reported by the peer).</param>
    /// <param name="acceptFault">Set-up fault; default none.</param>
    /// <param name="maxConnections">
    /// Accept this many connections, then close the listener (later connects are refused); null = no limit.
    /// </param>
    /// <param name="noDelay">TCP_NODELAY on accepted sockets, so slices leave as separate segments.</param>
    /// <param name="receiveBufferSize">SO_RCVBUF for accepted sockets (set on the listener so the window is small from the handshake); 0 = OS default.</param>
    /// <param name="sendBufferSize">SO_SNDBUF for accepted sockets; 0 = OS default.</param>
    /// <param name="tls">Speak TLS (with its faults) on every accepted connection, under the behaviour; null = plain TCP.</param>
    public PeerOptions(string name, PeerBehaviour behaviour, IPEndPoint? listen = null, AcceptFault? acceptFault = null,
        int? maxConnections = null, bool noDelay = true, int receiveBufferSize = 0, int sendBufferSize = 0, TlsOptions? tls = null)
    {
        new Validator($"peer options \"{name}\"")
            .Require(!string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Any(char.IsWhiteSpace),
                "name", $"\"{name}\" must be 1..{MaxNameLength} characters without whitespace")
            .Require(behaviour is not null, "behaviour", $"is required (one of {PeerModes.Known})")
            .Range("maxConnections", maxConnections ?? 1, 1, MaxMaxConnections)
            .Range("receiveBufferSize", receiveBufferSize, 0, MaxSocketBufferSize, "bytes")
            .Range("sendBufferSize", sendBufferSize, 0, MaxSocketBufferSize, "bytes")
            .ThrowIfAny();
        Name = name;
        Behaviour = behaviour!;
        Listen = listen ?? new IPEndPoint(IPAddress.Loopback, 0);
        AcceptFault = acceptFault ?? AcceptFault.None;
        MaxConnections = maxConnections;
        NoDelay = noDelay;
        ReceiveBufferSize = receiveBufferSize;
        SendBufferSize = sendBufferSize;
        Tls = tls;
    }

    public string Name { get; }
    public PeerBehaviour Behaviour { get; }
    public IPEndPoint Listen { get; }
    public AcceptFault AcceptFault { get; }
    public int? MaxConnections { get; }
    public bool NoDelay { get; }
    public int ReceiveBufferSize { get; }
    public int SendBufferSize { get; }
    public TlsOptions? Tls { get; }
}
