using System.Net;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.EvilClients;

/// <summary>
/// One evil client: who it is, what it attacks, what each connection does, how many at once and
/// how long at most. Immutable and validated here, where it enters. The target must be on this
/// machine (127.0.0.0/8 or ::1) unless <see cref="AllowNonLoopback"/> says otherwise, so a
/// mistyped address cannot turn a test suite into an attack on someone else's server.
/// </summary>
public sealed record EvilClientOptions
{
    public const int MaxNameLength = 64;
    public const int MaxConnections = 10_000;
    public const int MaxConnectTimeoutMs = 60_000;
    public const int MaxDurationLimitMs = 600_000;
    public const int DefaultConnectTimeoutMs = 5_000;
    public const int DefaultMaxDurationMs = 30_000;

    /// <param name="name">The actor in events, e.g. <c>E</c>.</param>
    /// <param name="target">The server under attack.</param>
    /// <param name="behaviour">What every connection does.</param>
    /// <param name="connections">Lanes run at once (1..10000): a flood of N silent connections is N lanes of <see cref="Hold.HoldBehaviour"/>.</param>
    /// <param name="seed">Root of every random byte this client sends (per connection through <c>ChaosFeatures.Seeds.Seed.For</c>).</param>
    /// <param name="connectTimeoutMs">Per connect (1..60000 ms); a full SYN queue makes connects hang rather than fail.</param>
    /// <param name="maxDurationMs">Bound of the whole run (1..600000 ms): when it runs out every connection still open is closed.</param>
    /// <param name="hardClose">When we close, send RST (SO_LINGER 0) instead of FIN.</param>
    /// <param name="allowNonLoopback">Permit a target that is not this machine.</param>
    public EvilClientOptions(string name, IPEndPoint target, EvilClientBehaviour behaviour, int connections = 1, ulong seed = 1,
        int connectTimeoutMs = DefaultConnectTimeoutMs, int maxDurationMs = DefaultMaxDurationMs, bool hardClose = false,
        bool allowNonLoopback = false)
    {
        new Validator($"evil client options \"{name}\"")
            .Require(!string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Any(char.IsWhiteSpace),
                "name", $"\"{name}\" must be 1..{MaxNameLength} characters without whitespace")
            .Require(target is not null, "target", "is required (host:port of the server under attack)")
            .Require(target is null || target.Port > 0, "target", $"{target} has no port (1..65535)")
            .Require(target is null || allowNonLoopback || IPAddress.IsLoopback(target.Address), "target",
                $"{target} is not a loopback address (127.0.0.0/8 or ::1); the evil client attacks only this machine unless allowNonLoopback is set")
            .Require(behaviour is not null, "behaviour", "is required (hold, slowloris, declared_frame, random, replay, churn, half_close or never_read)")
            .Range("connections", connections, 1, MaxConnections)
            .Range("connectTimeout", connectTimeoutMs, 1, MaxConnectTimeoutMs, "ms")
            .Range("maxDuration", maxDurationMs, 1, MaxDurationLimitMs, "ms")
            .ThrowIfAny();
        Name = name;
        // A dual-mode listener reports ::ffff:127.0.0.1; an IPv6 socket cannot connect there, an IPv4 one can.
        Target = target!.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(target.Address.MapToIPv4(), target.Port) : target;
        Behaviour = behaviour!;
        Connections = connections;
        Seed = seed;
        ConnectTimeoutMs = connectTimeoutMs;
        MaxDurationMs = maxDurationMs;
        HardClose = hardClose;
        AllowNonLoopback = allowNonLoopback;
    }

    public string Name { get; }
    public IPEndPoint Target { get; }
    public EvilClientBehaviour Behaviour { get; }
    public int Connections { get; }
    public ulong Seed { get; }
    public int ConnectTimeoutMs { get; }
    public int MaxDurationMs { get; }
    public bool HardClose { get; }
    public bool AllowNonLoopback { get; }
}
